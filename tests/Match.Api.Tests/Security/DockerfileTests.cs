namespace Match.Api.Tests.Security;

/// <summary>The image publishes like CI builds, runs as non-root with data on a volume, and probes /health/live with the app's own mode.</summary>
public sealed class DockerfileTests
{
    [Fact]
    public void The_dockerfile_publishes_in_release_runs_as_non_root_keeps_data_on_a_volume_and_checks_health()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(RepositoryRoot(), "Dockerfile"))
            .Where(line => !line.TrimStart().StartsWith('#'))
            .ToList();

        Assert.Contains(dockerfile, l => l.StartsWith("RUN dotnet publish src/Match.Api -c Release", StringComparison.Ordinal));
        Assert.Contains(dockerfile, l => l.StartsWith("COPY global.json ", StringComparison.Ordinal));
        Assert.Contains("USER $APP_UID", dockerfile);
        Assert.Contains("VOLUME /data", dockerfile);
        Assert.Contains(dockerfile, l => l.Contains("Match__Data__Folder=/data", StringComparison.Ordinal));
        Assert.Contains(dockerfile, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal)
            && l.Contains("\"--healthcheck\"", StringComparison.Ordinal));
        var user = dockerfile.FindIndex(l => l.StartsWith("USER ", StringComparison.Ordinal));
        var entry = dockerfile.FindIndex(l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal));
        Assert.InRange(user, 0, entry - 1);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Match.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Match.sln not found above " + AppContext.BaseDirectory);
    }
}
