using Match.Scoring.Features;

namespace Match.Scoring.Tests.Features;

public class PorterStemmerTests
{
    // Cases from Porter (1980), one or more per step, with the stems his reference implementation gives.
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("ties", "ti")]
    [InlineData("caress", "caress")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("bled", "bled")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("conflated", "conflat")]
    [InlineData("troubled", "troubl")]
    [InlineData("sized", "size")]
    [InlineData("hopping", "hop")]
    [InlineData("tanned", "tan")]
    [InlineData("falling", "fall")]
    [InlineData("hissing", "hiss")]
    [InlineData("fizzed", "fizz")]
    [InlineData("failing", "fail")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("sky", "sky")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("rational", "ration")]
    [InlineData("digitizer", "digit")]
    [InlineData("operator", "oper")]
    [InlineData("feudalism", "feudal")]
    [InlineData("decisiveness", "decis")]
    [InlineData("hopefulness", "hope")]
    [InlineData("callousness", "callous")]
    [InlineData("triplicate", "triplic")]
    [InlineData("formative", "form")]
    [InlineData("formalize", "formal")]
    [InlineData("electrical", "electr")]
    [InlineData("hopeful", "hope")]
    [InlineData("goodness", "good")]
    [InlineData("revival", "reviv")]
    [InlineData("allowance", "allow")]
    [InlineData("inference", "infer")]
    [InlineData("airliner", "airlin")]
    [InlineData("adjustable", "adjust")]
    [InlineData("defensible", "defens")]
    [InlineData("irritant", "irrit")]
    [InlineData("replacement", "replac")]
    [InlineData("adjustment", "adjust")]
    [InlineData("dependent", "depend")]
    [InlineData("adoption", "adopt")]
    [InlineData("communism", "commun")]
    [InlineData("activate", "activ")]
    [InlineData("effective", "effect")]
    [InlineData("bowdlerize", "bowdler")]
    [InlineData("probate", "probat")]
    [InlineData("rate", "rate")]
    [InlineData("cease", "ceas")]
    [InlineData("controlling", "control")]
    [InlineData("roll", "roll")]
    [InlineData("generalizations", "gener")]
    [InlineData("oscillators", "oscil")]
    [InlineData("collaboration", "collabor")]
    [InlineData("collaborative", "collabor")]
    public void Stem_matches_porters_table(string word, string stem)
    {
        Assert.Equal(stem, PorterStemmer.Stem(word));
    }

    [Theory]
    [InlineData("skills", "skill")]
    [InlineData("policies", "polici")]
    [InlineData("classes", "class")]
    [InlineData("analysis", "analysi")]
    [InlineData("engineering", "engineering")]
    [InlineData("accountant", "accountant")]
    public void StemPlural_applies_step_1a_only(string word, string stem)
    {
        Assert.Equal(stem, PorterStemmer.StemPlural(word));
    }

    [Theory]
    [InlineData("is")]
    [InlineData("a")]
    [InlineData("café")]
    [InlineData("python3")]
    [InlineData("Running")]
    [InlineData("")]
    public void Words_too_short_or_not_lower_case_ascii_pass_unchanged(string word)
    {
        Assert.Equal(word, PorterStemmer.Stem(word));
        Assert.Equal(word, PorterStemmer.StemPlural(word));
    }
}
