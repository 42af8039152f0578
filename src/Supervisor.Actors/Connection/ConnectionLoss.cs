namespace Supervisor.Actors.Connection;

/// <summary>How a <see cref="ConnectionLostException"/> came about; the reconnect metric tells these apart.</summary>
public enum ConnectionLoss
{
    /// <summary>The socket ended, was reset or closed by the peer.</summary>
    SocketClosed,

    /// <summary>The socket could not be opened.</summary>
    ConnectFailed,

    /// <summary>A send failed, or there was no open socket to send on.</summary>
    SendFailed,

    /// <summary>The venue said it was closing the stream.</summary>
    VenueClosed,
}
