namespace Supervisor.Kernel.Pattern;

/// <summary>When a backoff supervisor re-creates its child.</summary>
public enum BackoffMode
{
    /// <summary>After the child stops for any reason (right for persistent actors, which stop themselves on journal failures).</summary>
    OnStop,

    /// <summary>After the child fails with an exception the decider would restart; a child that stops by itself stops the supervisor.</summary>
    OnFailure,
}
