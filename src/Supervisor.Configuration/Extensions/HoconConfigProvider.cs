using Supervisor.Configuration;

namespace Microsoft.Extensions.Configuration;

/// <summary>Flattens an already built <see cref="HoconConfig"/> (a HOCON string, or layers merged with WithFallback).</summary>
public sealed class HoconConfigProvider(Func<HoconConfig> config) : ConfigurationProvider, IConfigurationSource
{
    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    /// <inheritdoc />
    public override void Load()
    {
        try
        {
            Data = HoconFlattener.Flatten(config().Root);
        }
        catch (HoconException e)
        {
            throw new FormatException(e.Message, e);
        }
    }
}
