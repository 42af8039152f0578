using Microsoft.Extensions.FileProviders;
using Supervisor.Configuration;

namespace Microsoft.Extensions.Configuration;

/// <summary>Adds HOCON sources to a configuration builder and reads HOCON durations and sizes back out of it.</summary>
public static class HoconConfigurationExtensions
{
    /// <summary>Adds a HOCON file.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file, relative to the builder's base path.</param>
    /// <param name="optional">Whether a missing file is fine.</param>
    /// <param name="reloadOnChange">Reload when the file changes (included files are not watched).</param>
    /// <param name="configure">Further settings: options, a fallback config such as the reference defaults.</param>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional = false,
        bool reloadOnChange = false, Action<HoconConfigurationSource>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var source = new HoconConfigurationSource { Path = path, Optional = optional, ReloadOnChange = reloadOnChange };
        if (Path.IsPathRooted(path))
        {
            source.FileProvider = new PhysicalFileProvider(Path.GetDirectoryName(path)!);
            source.Path = Path.GetFileName(path);
        }
        configure?.Invoke(source);
        return builder.Add(source);
    }

    /// <summary>Adds HOCON text.</summary>
    public static IConfigurationBuilder AddHoconString(this IConfigurationBuilder builder, string hocon, HoconOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(hocon);
        return builder.Add(new HoconConfigProvider(() => HoconLoader.ParseString(hocon, options)));
    }

    /// <summary>Adds a configuration built with <see cref="HoconLoader"/> (e.g. a file with the reference defaults below it).</summary>
    public static IConfigurationBuilder AddHoconConfig(this IConfigurationBuilder builder, HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(config);
        return builder.Add(new HoconConfigProvider(() => config));
    }

    /// <summary>A HOCON duration (<c>30s</c>, <c>5 minutes</c>, <c>infinite</c>) at <paramref name="key"/>, or null when absent.</summary>
    public static TimeSpan? GetDuration(this IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[key] is { } text ? Parse(key, text, HoconDuration.Parse) : null;
    }

    /// <summary>A HOCON size (<c>512</c>, <c>10MiB</c>, <c>1 kB</c>) in bytes at <paramref name="key"/>, or null when absent.</summary>
    public static long? GetByteSize(this IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[key] is { } text ? Parse(key, text, HoconByteSize.Parse) : null;
    }

    private static T Parse<T>(string key, string text, Func<string, T> parse)
    {
        try
        {
            return parse(text);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{key}: {e.Message}", e);
        }
    }
}
