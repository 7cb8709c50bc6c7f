using System.Text;

namespace Match.Scoring.Resumes.Extraction;

/// <summary>Decodes text files: UTF-8/UTF-16/UTF-32 by byte-order mark, else strict UTF-8, else Windows-1252; rejects binary data.</summary>
internal static class PlainTextDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
    });

    /// <summary>The decoded text, or null when the bytes look binary rather than text.</summary>
    public static string? TryDecode(ReadOnlySpan<byte> content)
    {
        string text;
        if (content.StartsWith("\xEF\xBB\xBF"u8))
        {
            text = DecodeOrNull(new UTF8Encoding(false, true), content[3..]) ?? Windows1252.Value.GetString(content[3..]);
        }
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            text = new UTF32Encoding(bigEndian: false, byteOrderMark: false).GetString(content[4..]);
        }
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(content[2..]);
        }
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(content[2..]);
        }
        else
        {
            // Without a byte-order mark, NUL bytes mean UTF-16 without a mark or binary data; neither is read.
            if (content.Contains((byte)0))
            {
                return null;
            }

            text = DecodeOrNull(StrictUtf8, content) ?? Windows1252.Value.GetString(content);
        }

        return LooksLikeText(text) ? text : null;
    }

    private static string? DecodeOrNull(Encoding encoding, ReadOnlySpan<byte> content)
    {
        try
        {
            return encoding.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    // Text files carry almost no control characters other than line breaks and tabs.
    private static bool LooksLikeText(string text)
    {
        var control = 0;
        foreach (var c in text)
        {
            if (c == '\0' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')) || c == '\uFFFD')
            {
                control++;
            }
        }

        return control <= Math.Max(2, text.Length / 100);
    }
}
