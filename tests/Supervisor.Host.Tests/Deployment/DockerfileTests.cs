using System.Text.RegularExpressions;

namespace Supervisor.Host.Tests.Deployment;

/// <summary>The Dockerfile's structure (no Docker daemon here to build it) and its agreement with docker-compose.yml.</summary>
public sealed partial class DockerfileTests
{
    private static readonly string[] Lines = Instructions(File.ReadAllText(ComposeFile.PathOf("Dockerfile")));

    /// <summary>The image's <c>ln -s TARGET PATH</c> (where accounts.conf beside cluster.conf points).</summary>
    internal static (string Target, string Path) SymbolicLink()
    {
        var link = Lines.Select(l => LinkCommand().Match(l)).Single(m => m.Success);
        return (link.Groups["target"].Value, link.Groups["path"].Value);
    }

    [Fact]
    public void It_builds_on_the_sdk_and_runs_on_the_aspnet_runtime_in_two_stages()
    {
        var from = Lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime"], from);
        Assert.Contains("COPY --from=build /app /app", Lines);
    }

    [Fact]
    public void It_restores_with_the_central_package_versions_and_publishes_supervisor_and_simulator_in_release()
    {
        var copyProps = Array.FindIndex(Lines, l => l.StartsWith("COPY ", StringComparison.Ordinal) && l.Contains("Directory.Packages.props", StringComparison.Ordinal));
        var restore = Array.FindIndex(Lines, l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        var copySources = Array.IndexOf(Lines, "COPY src/ src/");
        Assert.True(copyProps >= 0 && copyProps < restore && restore < copySources, "Directory.Packages.props is copied before the restore, the sources after it");
        var publish = Lines.Single(l => l.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.Contains("dotnet publish src/Supervisor.Host/Supervisor.Host.csproj -c Release --no-restore -o /app/supervisor", publish);
        Assert.Contains("dotnet publish src/Supervisor.Simulator/Supervisor.Simulator.csproj -c Release --no-restore -o /app/simulator", publish);
    }

    [Fact]
    public void It_runs_as_a_non_root_user()
    {
        var runtime = Lines[Array.FindLastIndex(Lines, l => l.StartsWith("FROM ", StringComparison.Ordinal))..];
        var user = runtime.Last(l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..].Trim();
        Assert.DoesNotContain(user.Split(':')[0], new[] { "root", "0" });
        Assert.Equal("$APP_UID", user);
    }

    [Fact]
    public void Cluster_conf_is_where_the_compose_command_reads_it_and_the_default_command_is_the_nodes_command()
    {
        var compose = ComposeFile.Load();
        var nodeCommand = ComposeFile.Words(ComposeFile.Service(compose, "node1")["command"]);
        var configPath = nodeCommand[nodeCommand.IndexOf("--config") + 1];
        Assert.Contains($"COPY hocon/cluster.conf {configPath}", Lines);
        Assert.Equal("ENTRYPOINT [\"dotnet\", \"/app/supervisor/supervisor.dll\"]", Lines.Single(l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal)));
        Assert.Equal($"CMD [{string.Join(", ", nodeCommand.Select(w => $"\"{w}\""))}]", Lines.Single(l => l.StartsWith("CMD ", StringComparison.Ordinal)));
        // The simulator service's entrypoint is the simulator this image publishes.
        var simulator = ComposeFile.Words(ComposeFile.Service(compose, "simulator")["entrypoint"]);
        Assert.StartsWith("/app/simulator/", simulator[1]);
        // The registry folder is the non-root user's, so the simulator can write the named volume mounted there.
        var (target, path) = SymbolicLink();
        var folder = Path.GetDirectoryName(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, target)))!;
        Assert.Contains(Lines, l => l.Contains($"chown \"$APP_UID\" {folder}", StringComparison.Ordinal));
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_journals_version_control_and_env_files()
    {
        var ignored = File.ReadAllLines(ComposeFile.PathOf(".dockerignore")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        foreach (var entry in new[] { "**/bin/", "**/obj/", "data/", ".git", ".env", "**/*.db" })
        {
            Assert.Contains(entry, ignored);
        }
        // Nothing the build stage copies is ignored.
        foreach (var needed in new[] { "src/", "hocon/", "Directory.Packages.props", "Directory.Build.props" })
        {
            Assert.DoesNotContain(needed, ignored);
        }
    }

    // Instructions with their continuation lines joined, comments and blank lines dropped.
    private static string[] Instructions(string text)
    {
        var joined = Regex.Replace(text.ReplaceLineEndings("\n"), @"\\\n\s*", " ");
        return [.. joined.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
    }

    [GeneratedRegex(@"ln -s (?<target>\S+) (?<path>\S+)")]
    private static partial Regex LinkCommand();
}
