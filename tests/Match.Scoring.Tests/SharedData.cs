namespace Match.Scoring.Tests;

/// <summary>Finds the team's shared real-data folder (../shared beside the repository) by walking up from the test binaries.</summary>
internal static class SharedData
{
    /// <summary>The shared folder, or null when this machine does not have it.</summary>
    public static string? Directory { get; } = Locate();

    /// <summary>Full path of a file or folder under the shared folder, or null when either is absent.</summary>
    public static string? File(params string[] parts)
    {
        if (Directory is null)
        {
            return null;
        }

        var path = Path.Combine([Directory, .. parts]);
        return System.IO.File.Exists(path) || System.IO.Directory.Exists(path) ? path : null;
    }

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var shared = Path.Combine(dir.FullName, "shared");
            if (System.IO.Directory.Exists(Path.Combine(shared, "eval")))
            {
                return shared;
            }
        }

        return null;
    }
}
