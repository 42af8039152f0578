using System.Diagnostics;

namespace Supervisor.Host.Tests.Cli;

/// <summary>
/// The repository's files as a fresh clone has them (tracked and new, not ignored: no bin, obj or data), copied into
/// a temporary folder with nothing beside it, so what runs there proves the project stands alone.
/// </summary>
public sealed class RepositoryCopy : IDisposable
{
    private readonly Lazy<string> _root;

    public RepositoryCopy()
    {
        Source = FindRoot();
        // Made on first use: a run nested inside the copy (which has no .git) reads only the README.
        _root = new Lazy<string>(() => Copy(Source));
    }

    /// <summary>The working tree the tests run from.</summary>
    public string Source { get; }

    /// <summary>The copy.</summary>
    public string Root => _root.Value;

    /// <summary>The indented commands of the README's "Set up" section, in order.</summary>
    public IReadOnlyList<string> SetUpCommands()
    {
        var lines = File.ReadAllLines(Path.Combine(Source, "README.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("## Set up", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        return lines[(start + 1)..(end < 0 ? lines.Length : end)].Where(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
    }

    public void Dispose()
    {
        if (_root.IsValueCreated)
        {
            Directory.Delete(_root.Value, recursive: true);
        }
    }

    private static string Copy(string source)
    {
        var root = Directory.CreateTempSubdirectory("supervisor-clone-").FullName;
        foreach (var file in ListFiles(source))
        {
            var target = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(source, file), target);
        }
        return root;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Supervisor.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Supervisor.sln not found above " + AppContext.BaseDirectory);
    }

    private static List<string> ListFiles(string root)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "ls-files", "-z", "--cached", "--others", "--exclude-standard" })
        {
            info.ArgumentList.Add(argument);
        }
        using var git = Process.Start(info) ?? throw new InvalidOperationException("git could not start");
        var listing = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException($"git ls-files failed in {root} (exit {git.ExitCode}): the README test copies the repository as git sees it");
        }
        // A tracked file deleted in the working tree is not part of what a clone of this tree would have.
        return [.. listing.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(f => File.Exists(Path.Combine(root, f)))];
    }
}
