namespace Supervisor.Actors.Connection;

/// <summary>From the heartbeat to its connection: send the venue's ping now.</summary>
public sealed record SendPing;

/// <summary>From the connection to its heartbeat: the venue answered a ping.</summary>
public sealed record PongReceived;

/// <summary>From the connection to its heartbeat: some frame arrived, so the stream is not silent.</summary>
public sealed record StreamActivity;
