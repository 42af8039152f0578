namespace Supervisor.Configuration;

/// <summary>Where a configuration value was written: file (or a description of the source), line and column, 1-based.</summary>
public readonly record struct ConfigOrigin(string Source, int Line, int Column)
{
    /// <summary><c>file:line:column</c>, the shape editors and compilers use.</summary>
    public override string ToString() => $"{Source}:{Line}:{Column}";
}
