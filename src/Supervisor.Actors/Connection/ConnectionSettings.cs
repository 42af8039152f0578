namespace Supervisor.Actors.Connection;

/// <summary>Limits of one venue connection (supervisor.connection.*).</summary>
public sealed record ConnectionSettings
{
    /// <summary>How long opening the socket may take (supervisor.connection.connect-timeout).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the greeting or login reply may take (supervisor.connection.handshake-timeout).</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest frame accepted; larger ones are dropped unread (supervisor.connection.max-frame-bytes).</summary>
    public int MaxFrameBytes { get; init; } = 1024 * 1024;

    /// <summary>Bad frames (malformed or oversized) tolerated per window before the stream is restarted (supervisor.connection.max-bad-frames).</summary>
    public int MaxBadFrames { get; init; } = 10;

    /// <summary>The window of <see cref="MaxBadFrames"/> (supervisor.connection.bad-frame-window).</summary>
    public TimeSpan BadFrameWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Checks the ranges; the message names the setting.</summary>
    public ConnectionSettings Validate()
    {
        if (ConnectTimeout <= TimeSpan.Zero || HandshakeTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ConnectTimeout), "supervisor.connection.connect-timeout and handshake-timeout must be positive.");
        }
        if (MaxFrameBytes is < 1024 or > 64 * 1024 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFrameBytes), MaxFrameBytes, $"supervisor.connection.max-frame-bytes must be between 1KiB and 64MiB, was {MaxFrameBytes}.");
        }
        if (MaxBadFrames < 1 || BadFrameWindow <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBadFrames), "supervisor.connection.max-bad-frames must be at least 1 and bad-frame-window positive.");
        }
        return this;
    }
}
