namespace Supervisor.Kernel.Actor;

/// <summary>A keyed timer's message; dropped on arrival if the timer was cancelled or re-keyed since.</summary>
internal sealed record TimerMessage(object Key, int Generation, TimerScheduler Owner, object Message)
    : IAutoReceivedMessage, INotInfluenceReceiveTimeout;

/// <summary>The receive-timeout tick; dropped if a newer timeout was set since.</summary>
internal sealed record ReceiveTimeoutTick(int Generation) : IAutoReceivedMessage, INotInfluenceReceiveTimeout;
