using Supervisor.Configuration;

namespace Supervisor.Configuration.Tests;

/// <summary>The HOCON conformance corpus copied byte-exact into <c>tests/hocon-conformance</c>.</summary>
internal static class Corpus
{
    public static readonly string Root = Find();

    public static HoconOptions NoEnvironment { get; } = HoconOptions.Default.WithoutEnvironment();

    public static string File(string relative) => Path.Combine(Root, relative);

    public static HoconConfig Parse(string relative, HoconOptions? options = null) =>
        HoconLoader.FromFile(File(relative), options ?? NoEnvironment);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Supervisor.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "hocon-conformance");
            }
        }
        throw new DirectoryNotFoundException("Supervisor.sln not found above " + AppContext.BaseDirectory);
    }
}
