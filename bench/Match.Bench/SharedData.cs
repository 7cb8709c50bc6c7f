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

    /// <summary>The shared folder when it holds <paramref name="needed"/> (a relative path), else null after saying so on stderr.</summary>
    public static string? Require(string needed = "")
    {
        var shared = Find();
        if (shared is not null && (needed.Length == 0 || Path.Exists(Path.Combine(shared, needed))))
        {
            return shared;
        }

        Console.Error.WriteLine($"shared data not found (expected ../shared/{needed} beside the repository)");
        return null;
    }
}
