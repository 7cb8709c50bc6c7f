namespace Match.Scoring.Tests.Postings;

/// <summary>Finds the team's shared real-data folder (../shared from the repository root) when this machine has it.</summary>
internal static class SharedData
{
    /// <summary>Full path of <paramref name="relative"/> under the shared folder, or null when the folder or file is absent.</summary>
    public static string? Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var shared in new[] { Path.Combine(dir.FullName, "shared"), Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared") })
            {
                var candidate = Path.Combine(shared, relative);
                if (Directory.Exists(Path.Combine(shared, "eval")) && (File.Exists(candidate) || Directory.Exists(candidate)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
