namespace Supervisor.Actors.Connection;

/// <summary>The socket could not be opened, or it closed or reset; supervision reconnects with backoff.</summary>
public sealed class ConnectionLostException(string message, Exception? inner = null, ConnectionLoss loss = ConnectionLoss.SocketClosed) : Exception(message, inner)
{
    /// <summary>How the connection was lost (the reconnect metric's reason).</summary>
    public ConnectionLoss Loss { get; } = loss;
}

/// <summary>The venue rejected the credentials; retried only on a long backoff, and the account is marked AuthFailed.</summary>
public sealed class AuthenticationRejectedException(string message) : Exception(message);

/// <summary>Too many malformed or oversized frames in a short time: the stream is not trustworthy, so it is restarted.</summary>
public sealed class CorruptStreamException(string message) : Exception(message);

/// <summary>A handshake step (greeting, login) did not happen in time.</summary>
public sealed class HandshakeTimeoutException(string message) : Exception(message);
