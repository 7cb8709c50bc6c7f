namespace Match.Scoring.Skills;

/// <summary>A skill found in text: its canonical name and where the alias that named it stands (character offsets).</summary>
public sealed record SkillMention(string Canonical, int Start, int Length);
