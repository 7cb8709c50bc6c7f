namespace Match.Eval.Tests;

/// <summary>Finds the team's shared data folder (../shared beside the repository) by walking up from the test binaries.</summary>
internal static class SharedData
{
    /// <summary>The shared folder holding eval/, or null when this machine does not have it.</summary>
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var shared in new[] { Path.Combine(dir.FullName, "shared"), Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared") })
            {
                if (Directory.Exists(Path.Combine(shared, "eval"))) return shared;
            }
        }

        return null;
    }
}
