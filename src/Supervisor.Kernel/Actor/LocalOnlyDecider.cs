namespace Supervisor.Kernel.Actor;

/// <summary>A decider backed by a function.</summary>
public sealed class LocalOnlyDecider : IDecider
{
    private readonly Func<Exception, Directive> _decide;

    /// <summary>Wraps <paramref name="decide"/>.</summary>
    public LocalOnlyDecider(Func<Exception, Directive> decide)
    {
        ArgumentNullException.ThrowIfNull(decide);
        _decide = decide;
    }

    /// <inheritdoc />
    public Directive Decide(Exception cause) => _decide(cause);
}
