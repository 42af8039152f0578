namespace Supervisor.Kernel.Actor;

/// <summary>Replies that carry an outcome; an ask completes or faults on them.</summary>
public abstract record Status
{
    private Status()
    {
    }

    /// <summary>A successful outcome.</summary>
    /// <param name="Value">The result, if any.</param>
    public sealed record Success(object? Value) : Status;

    /// <summary>A failed outcome: an ask that receives it faults with <paramref name="Cause"/>.</summary>
    /// <param name="Cause">Why it failed.</param>
    public sealed record Failure(Exception Cause) : Status;
}
