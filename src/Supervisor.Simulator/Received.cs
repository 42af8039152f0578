namespace Supervisor.Simulator;

/// <summary>What one receive on a session gave: a whole text message, or why there is none.</summary>
internal readonly record struct Received(string? Text, ReceiveEnd End)
{
    public static Received Ended(ReceiveEnd end) => new(null, end);
}
