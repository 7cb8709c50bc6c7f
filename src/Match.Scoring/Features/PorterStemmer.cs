namespace Match.Scoring.Features;

/// <summary>
/// The Porter (1980) suffix-stripping stemmer for English, written for Match: "collaborate", "collaboration" and
/// "collaborative" share the stem "collabor". Pure function of a lower-case ASCII word; other words pass unchanged.
/// </summary>
public static class PorterStemmer
{
    public static string Stem(string word)
    {
        if (!IsStemmable(word)) return word;
        var w = new Word(word);
        w.Step1A();
        w.Step1B();
        w.Step1C();
        w.Step2();
        w.Step3();
        w.Step4();
        w.Step5();
        return w.ToString();
    }

    /// <summary>Porter's step 1a alone: plural endings ("skills" → "skill", "policies" → "polici").</summary>
    public static string StemPlural(string word)
    {
        if (!IsStemmable(word)) return word;
        var w = new Word(word);
        w.Step1A();
        return w.ToString();
    }

    private static bool IsStemmable(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Length > 2 && word.All(ch => ch is >= 'a' and <= 'z');
    }

    private sealed class Word(string text)
    {
        private char[] _b = text.ToCharArray();
        private int _k = text.Length - 1;
        private int _j;

        public override string ToString() => new(_b, 0, _k + 1);

        private bool IsConsonant(int i) => _b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        // m(): the number of vowel-consonant sequences in b[0..j].
        private int Measure()
        {
            var n = 0;
            var i = 0;
            while (true)
            {
                if (i > _j) return n;
                if (!IsConsonant(i)) break;
                i++;
            }

            i++;
            while (true)
            {
                while (true)
                {
                    if (i > _j) return n;
                    if (IsConsonant(i)) break;
                    i++;
                }

                i++;
                n++;
                while (true)
                {
                    if (i > _j) return n;
                    if (!IsConsonant(i)) break;
                    i++;
                }

                i++;
            }
        }

        private bool VowelInStem()
        {
            for (var i = 0; i <= _j; i++)
            {
                if (!IsConsonant(i)) return true;
            }

            return false;
        }

        private bool DoubleConsonant(int j) => j >= 1 && _b[j] == _b[j - 1] && IsConsonant(j);

        // cvc(i): consonant-vowel-consonant ending at i, the last not w, x or y ("hop" but not "snow").
        private bool Cvc(int i)
        {
            if (i < 2 || !IsConsonant(i) || IsConsonant(i - 1) || !IsConsonant(i - 2)) return false;
            return _b[i] is not ('w' or 'x' or 'y');
        }

        private bool EndsWith(string s)
        {
            var length = s.Length;
            if (length > _k + 1) return false;
            for (var i = 0; i < length; i++)
            {
                if (_b[_k - length + 1 + i] != s[i]) return false;
            }

            _j = _k - length;
            return true;
        }

        private void SetTo(string s)
        {
            var needed = _j + 1 + s.Length;
            if (needed > _b.Length) Array.Resize(ref _b, needed);
            for (var i = 0; i < s.Length; i++) _b[_j + 1 + i] = s[i];
            _k = _j + s.Length;
        }

        private void ReplaceIfMeasured(string s)
        {
            if (Measure() > 0) SetTo(s);
        }

        public void Step1A()
        {
            if (_b[_k] != 's') return;
            if (EndsWith("sses")) _k -= 2;
            else if (EndsWith("ies")) SetTo("i");
            else if (_k >= 1 && _b[_k - 1] != 's') _k--;
        }

        public void Step1B()
        {
            if (EndsWith("eed"))
            {
                if (Measure() > 0) _k--;
                return;
            }

            if ((EndsWith("ed") || EndsWith("ing")) && VowelInStem())
            {
                _k = _j;
                if (EndsWith("at")) SetTo("ate");
                else if (EndsWith("bl")) SetTo("ble");
                else if (EndsWith("iz")) SetTo("ize");
                else if (DoubleConsonant(_k))
                {
                    _k--;
                    if (_b[_k] is 'l' or 's' or 'z') _k++;
                }
                else if (MeasureOfWhole() == 1 && Cvc(_k))
                {
                    _j = _k;
                    SetTo("e");
                }
            }
        }

        private int MeasureOfWhole()
        {
            _j = _k;
            return Measure();
        }

        public void Step1C()
        {
            if (EndsWith("y") && VowelInStem()) _b[_k] = 'i';
        }

        private static readonly (string Suffix, string Replacement)[] Step2Rules =
        [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
            ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
            ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
            ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
        ];

        private static readonly (string Suffix, string Replacement)[] Step3Rules =
        [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
        ];

        private static readonly string[] Step4Suffixes =
        [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate",
            "iti", "ous", "ive", "ize",
        ];

        public void Step2() => ApplyRules(Step2Rules);

        public void Step3() => ApplyRules(Step3Rules);

        private void ApplyRules((string Suffix, string Replacement)[] rules)
        {
            if (_k < 1) return;
            foreach (var (suffix, replacement) in rules)
            {
                if (EndsWith(suffix))
                {
                    ReplaceIfMeasured(replacement);
                    return;
                }
            }
        }

        public void Step4()
        {
            if (_k < 1) return;
            foreach (var suffix in Step4Suffixes)
            {
                if (!EndsWith(suffix)) continue;
                if (suffix == "ion" && !(_j >= 0 && _b[_j] is 's' or 't')) return;
                if (Measure() > 1) _k = _j;
                return;
            }
        }

        public void Step5()
        {
            _j = _k;
            if (_b[_k] == 'e')
            {
                var a = Measure();
                if (a > 1 || (a == 1 && !Cvc(_k - 1))) _k--;
            }

            if (_b[_k] == 'l' && DoubleConsonant(_k) && MeasureOfWhole() > 1) _k--;
        }
    }
}
