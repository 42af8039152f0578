namespace Supervisor.Configuration;

/// <summary>A resolved configuration value: an object, an array or a scalar, each knowing where it was written.</summary>
public abstract class HoconValue
{
    private protected HoconValue(ConfigOrigin origin) => Origin = origin;

    /// <summary>Where the value was written.</summary>
    public ConfigOrigin Origin { get; }

    /// <summary>A word for the kind of value, for error messages.</summary>
    public abstract string KindName { get; }
}
