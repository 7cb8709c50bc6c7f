using System.Text;

namespace Match.Scoring.Skills;

/// <summary>An RFC 4180 reader: separated fields, quoted fields with embedded separators, newlines and doubled quotes; CRLF or LF line ends.</summary>
internal static class CsvRecordReader
{
    /// <summary>Each non-blank record with the line it starts on (1-based); throws InvalidDataException naming the line on malformed quoting.</summary>
    public static IEnumerable<(int Line, string[] Fields)> Read(TextReader reader, char separator = ',')
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoteLine = 0;
        var inQuotes = false;
        var afterClosingQuote = false;
        var recordHasContent = false;
        int read;
        while ((read = reader.Read()) != -1)
        {
            var c = (char)read;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                        afterClosingQuote = true;
                    }
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            if (c == '\r')
            {
                if (reader.Peek() == '\n')
                {
                    continue;
                }

                c = '\n';
            }

            if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                afterClosingQuote = false;
                recordHasContent = true;
            }
            else if (c == '\n')
            {
                if (recordHasContent || field.Length > 0)
                {
                    fields.Add(field.ToString());
                    yield return (recordLine, fields.ToArray());
                }

                fields.Clear();
                field.Clear();
                afterClosingQuote = false;
                recordHasContent = false;
                line++;
                recordLine = line;
            }
            else if (afterClosingQuote)
            {
                throw new InvalidDataException($"Line {line}: unexpected '{c}' after a closing quote (a field's quotes must enclose all of it).");
            }
            else if (c == '"')
            {
                if (field.Length > 0)
                {
                    throw new InvalidDataException($"Line {line}: a quote inside an unquoted field (quote the field and double the quote).");
                }

                inQuotes = true;
                quoteLine = line;
                recordHasContent = true;
            }
            else
            {
                field.Append(c);
            }
        }

        if (inQuotes)
        {
            throw new InvalidDataException($"Line {quoteLine}: a quoted field is never closed.");
        }

        if (recordHasContent || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields.ToArray());
        }
    }
}
