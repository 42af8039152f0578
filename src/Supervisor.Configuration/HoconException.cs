namespace Supervisor.Configuration;

/// <summary>
/// A configuration that cannot be read or resolved, or a setting that has the wrong type. The message starts with
/// <c>file:line:column:</c> whenever the position is known.
/// </summary>
public sealed class HoconException : Exception
{
    /// <summary>An error at a known position.</summary>
    public HoconException(string message, ConfigOrigin origin)
        : base($"{origin}: {message}")
    {
        Origin = origin;
        Reason = message;
    }

    /// <summary>An error with no position (a missing setting, for example).</summary>
    public HoconException(string message)
        : base(message)
    {
        Reason = message;
    }

    /// <summary>Where the problem is, if known.</summary>
    public ConfigOrigin? Origin { get; }

    /// <summary>The message without the position.</summary>
    public string Reason { get; }
}
