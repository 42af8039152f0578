namespace Supervisor.Venues.Tests;

/// <summary>Finds <c>shared/</c> beside the repository (CI clones the repo with shared/ next to it).</summary>
internal static class SharedData
{
    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Supervisor.sln")))
            {
                return System.IO.Path.Combine([dir.Parent!.FullName, "shared", .. parts]);
            }
        }
        throw new DirectoryNotFoundException("Supervisor.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The push of a fixture transcript: everything after the line that starts with '='.</summary>
    public static string FixturePush(string file)
    {
        var text = File.ReadAllText(Path("venues", "fixtures", "coinw-net", file));
        var marker = text.IndexOf("\n=", StringComparison.Ordinal);
        return text[(marker + 2)..].Trim();
    }
}
