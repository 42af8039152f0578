using Supervisor.Configuration;

namespace Microsoft.Extensions.Configuration;

/// <summary>
/// Reads a HOCON file: includes, merging and substitutions happen in HOCON (relative to the file's folder), then the
/// resolved tree is flattened to <c>a:b:0:c</c> keys so that later providers override it key by key.
/// </summary>
public sealed class HoconConfigurationProvider(HoconConfigurationSource source) : FileConfigurationProvider(source)
{
    /// <inheritdoc />
    public override void Load(Stream stream)
    {
        var hocon = (HoconConfigurationSource)Source;
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var physical = Source.FileProvider?.GetFileInfo(Source.Path ?? "").PhysicalPath;
        try
        {
            var options = physical is null ? hocon.Options : hocon.Options with { IncludeRoot = Path.GetDirectoryName(physical) };
            var config = HoconLoader.ParseString(text, options, physical ?? Source.Path ?? "hocon");
            if (hocon.Fallback is { } fallback)
            {
                config = config.WithFallback(fallback);
            }
            Data = HoconFlattener.Flatten(config.Root);
        }
        catch (HoconException e)
        {
            throw new FormatException(e.Message, e);
        }
    }
}
