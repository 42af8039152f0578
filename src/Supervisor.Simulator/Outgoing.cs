using System.Net.WebSockets;

namespace Supervisor.Simulator;

/// <summary>One item of a session's outbox: a frame, or a close handshake (then <see cref="Close"/> is set).</summary>
internal readonly record struct Outgoing(byte[] Frame, bool Binary, long EnqueuedAt, WebSocketCloseStatus? Close = null, string? Reason = null);
