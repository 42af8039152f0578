using Supervisor.Configuration;

namespace Microsoft.Extensions.Configuration;

/// <summary>A HOCON file as a configuration source (reload on change comes from <see cref="FileConfigurationSource"/>).</summary>
public sealed class HoconConfigurationSource : FileConfigurationSource
{
    /// <summary>How the file is read and resolved (environment fallback on by default).</summary>
    public HoconOptions Options { get; set; } = HoconOptions.Default;

    /// <summary>A configuration below the file, merged HOCON-style before resolution (for example the reference defaults).</summary>
    public HoconConfig? Fallback { get; set; }

    /// <inheritdoc />
    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new HoconConfigurationProvider(this);
    }
}
