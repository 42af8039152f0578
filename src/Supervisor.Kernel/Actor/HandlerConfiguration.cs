namespace Supervisor.Kernel.Actor;

/// <summary>Runs a Become block that registers handlers into a fresh list.</summary>
internal static class HandlerConfiguration
{
    /// <summary>Points <paramref name="configuring"/> at a new list while <paramref name="configure"/> runs, then restores it.</summary>
    public static Receive Collect(Action configure, ref ReceiveHandlers? configuring)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var handlers = new ReceiveHandlers();
        var previous = configuring;
        configuring = handlers;
        try
        {
            configure();
        }
        finally
        {
            configuring = previous;
        }
        return handlers.Handle;
    }
}
