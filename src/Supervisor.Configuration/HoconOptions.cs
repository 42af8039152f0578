namespace Supervisor.Configuration;

/// <summary>How HOCON text is read and resolved.</summary>
public sealed record HoconOptions
{
    /// <summary>Environment fallback on, includes relative to the file (or the working directory for strings).</summary>
    public static HoconOptions Default { get; } = new();

    /// <summary>
    /// Where a substitution missing from the tree is looked up next: by default the process environment, with the path
    /// text as the variable name (<c>${?HOME}</c>). Null turns the fallback off (what the conformance corpus assumes).
    /// </summary>
    public Func<string, string?>? Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Folder that <c>include classpath("…")</c> reads from; null means classpath includes find nothing.</summary>
    public string? ClasspathRoot { get; init; }

    /// <summary>Folder that includes in text parsed from a string are relative to; null for the working directory.</summary>
    public string? IncludeRoot { get; init; }

    /// <summary>Includes nested deeper than this fail (the reference implementation stops at 50).</summary>
    public int MaxIncludeDepth { get; init; } = 50;

    /// <summary>A file larger than this is refused before it is read: configuration is kilobytes, not a data dump.</summary>
    public long MaxSourceBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Objects and arrays nested deeper than this fail with a positioned error instead of exhausting the stack.</summary>
    public int MaxNestingDepth { get; init; } = 512;

    /// <summary>These options without the environment fallback.</summary>
    public HoconOptions WithoutEnvironment() => this with { Environment = null };
}
