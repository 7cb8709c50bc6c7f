namespace Match.Bench;

/// <summary>Finds the team's shared data folder (../shared beside the repository) by walking up from the program's folder.</summary>
internal static class SharedData
{
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "eval")) || Directory.Exists(Path.Combine(candidate, "resumes")))
            {
                return candidate;
            }
        }

        return null;
    }
}
