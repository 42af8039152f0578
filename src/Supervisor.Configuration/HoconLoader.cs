using Supervisor.Configuration.Hocon;

namespace Supervisor.Configuration;

/// <summary>Reads HOCON into a <see cref="HoconConfig"/> (Akka's <c>HoconLoader</c>).</summary>
public static class HoconLoader
{
    private static readonly Lazy<HoconConfig> ReferenceConfig = new(LoadReference);

    /// <summary>An empty configuration.</summary>
    public static HoconConfig Empty { get; } = new([], HoconOptions.Default);

    /// <summary>Parses HOCON text. Includes are relative to <see cref="HoconOptions.IncludeRoot"/> or the working directory.</summary>
    /// <param name="text">The HOCON text.</param>
    /// <param name="options">Reading options; null for <see cref="HoconOptions.Default"/>.</param>
    /// <param name="sourceName">How errors name the text.</param>
    public static HoconConfig ParseString(string text, HoconOptions? options = null, string sourceName = "string")
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= HoconOptions.Default;
        if (text.Length > options.MaxSourceBytes)
        {
            throw new HoconException($"{sourceName} is {text.Length:N0} characters; configuration is limited to {options.MaxSourceBytes:N0} (HoconOptions.MaxSourceBytes)");
        }
        var root = new Parser(text, IncludeContext.ForText(sourceName, options)).ParseDocument();
        return new HoconConfig([root], options);
    }

    /// <summary>Parses a HOCON file; its includes are relative to its folder.</summary>
    public static HoconConfig FromFile(string path, HoconOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= HoconOptions.Default;
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new HoconException($"configuration file {fullPath} not found");
        }
        var text = IncludeContext.ReadSource(fullPath, options, null);
        var root = fullPath.EndsWith(".properties", StringComparison.OrdinalIgnoreCase)
            ? PropertiesReader.Parse(text, fullPath)
            : new Parser(text, IncludeContext.ForFile(fullPath, options)).ParseDocument();
        return new HoconConfig([root], options);
    }

    /// <summary>
    /// The embedded <c>reference.conf</c>: every setting of the product and the Akka settings it sets, with their defaults, resolved
    /// on its own.
    /// </summary>
    public static HoconConfig Default() => ReferenceConfig.Value;

    /// <summary><paramref name="config"/> with the reference defaults below it, resolved.</summary>
    public static HoconConfig Load(HoconConfig config) => config.WithFallback(Default()).Resolve();

    private static HoconConfig LoadReference()
    {
        using var stream = typeof(HoconLoader).Assembly.GetManifestResourceStream("reference.conf")
            ?? throw new InvalidOperationException("reference.conf is not embedded in Supervisor.Configuration");
        using var reader = new StreamReader(stream);
        return ParseString(reader.ReadToEnd(), HoconOptions.Default.WithoutEnvironment(), "reference.conf").Resolve();
    }
}
