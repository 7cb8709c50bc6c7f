namespace Match.Scoring.Tests.Skills;

/// <summary>Finds the team's shared data folder (../shared from the repo root) by walking up from the test binaries; null when absent.</summary>
internal static class SharedData
{
    public static string? Directory { get; } = Find();

    public static string? File(params string[] parts)
    {
        if (Directory is null)
        {
            return null;
        }

        var path = Path.Combine([Directory, .. parts]);
        return System.IO.File.Exists(path) ? path : null;
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.Directory.Exists(Path.Combine(dir.FullName, "shared", "eval")))
            {
                return Path.Combine(dir.FullName, "shared");
            }

            if (dir.Name == "shared" && System.IO.Directory.Exists(Path.Combine(dir.FullName, "eval")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
