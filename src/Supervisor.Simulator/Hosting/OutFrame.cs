using System.Net.WebSockets;

namespace Supervisor.Simulator.Hosting;

/// <summary>A frame queued for the session's single writer; <paramref name="Close"/> set means "close the socket".</summary>
internal sealed record OutFrame(byte[] Bytes, WebSocketMessageType Type, WebSocketCloseStatus? Close, string? Reason);
