using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Pattern;

/// <summary>An immutable description of a backoff supervisor; build it with <see cref="Backoff"/> and the <c>With*</c> methods.</summary>
public sealed record BackoffOptions
{
    internal BackoffOptions(BackoffMode mode, Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor)
    {
        ArgumentNullException.ThrowIfNull(childProps);
        ArgumentException.ThrowIfNullOrEmpty(childName);
        Mode = mode;
        ChildProps = childProps;
        ChildName = childName;
        MinBackoff = minBackoff;
        MaxBackoff = maxBackoff;
        RandomFactor = randomFactor;
        AutoReset = minBackoff;
    }

    /// <summary>On stop or on failure.</summary>
    public BackoffMode Mode { get; }

    /// <summary>The child's props.</summary>
    public Props ChildProps { get; }

    /// <summary>The child's name.</summary>
    public string ChildName { get; }

    /// <summary>The first delay.</summary>
    public TimeSpan MinBackoff { get; }

    /// <summary>The cap before jitter.</summary>
    public TimeSpan MaxBackoff { get; }

    /// <summary>The jitter factor.</summary>
    public double RandomFactor { get; }

    /// <summary>Restarts before giving up; -1 for unlimited.</summary>
    public int MaxNrOfRetries { get; init; } = -1;

    /// <summary>The restart count resets once the child has stayed up this long; null for manual reset only.</summary>
    public TimeSpan? AutoReset { get; init; }

    /// <summary>The strategy for the child's failures (in OnFailure mode, a Restart becomes a backoff re-creation).</summary>
    public OneForOneStrategy Strategy { get; init; } = new(SupervisorStrategy.DefaultDecider);

    /// <summary>Reply sent to a sender while there is no child; null sends such messages to dead letters.</summary>
    public object? ReplyWhileStopped { get; init; }

    /// <summary>A message that, forwarded to the child, means "stop for good": the supervisor stops when the child does.</summary>
    public Func<object, bool>? FinalStopMessage { get; init; }

    /// <summary>The random source for jitter, returning values in [0, 1); injectable so tests are deterministic.</summary>
    public Func<double> RandomSource { get; init; } = Random.Shared.NextDouble;

    /// <summary>Resets the restart count after the child has been up for <paramref name="resetBackoff"/>.</summary>
    public BackoffOptions WithAutoReset(TimeSpan resetBackoff) => this with { AutoReset = resetBackoff };

    /// <summary>Resets the restart count only when the child sends <see cref="BackoffSupervisor.Reset"/>.</summary>
    public BackoffOptions WithManualReset() => this with { AutoReset = null };

    /// <summary>Uses <paramref name="strategy"/> for the child's failures.</summary>
    public BackoffOptions WithSupervisorStrategy(OneForOneStrategy strategy) => this with { Strategy = strategy };

    /// <summary>Stops the child on any failure (so in OnStop mode every failure means a backoff re-creation).</summary>
    public BackoffOptions WithDefaultStoppingStrategy() => this with { Strategy = SupervisorStrategy.StoppingStrategy };

    /// <summary>Replies <paramref name="replyWhileStopped"/> to messages that arrive while there is no child.</summary>
    public BackoffOptions WithReplyWhileStopped(object replyWhileStopped) => this with { ReplyWhileStopped = replyWhileStopped };

    /// <summary>Gives up and stops after <paramref name="maxNrOfRetries"/> restarts.</summary>
    public BackoffOptions WithMaxNrOfRetries(int maxNrOfRetries) => this with { MaxNrOfRetries = maxNrOfRetries };

    /// <summary>Marks the message that stops the child for good.</summary>
    public BackoffOptions WithFinalStopMessage(Func<object, bool> isFinalStopMessage) => this with { FinalStopMessage = isFinalStopMessage };

    /// <summary>Uses <paramref name="randomSource"/> for jitter (not in Akka: there jitter cannot be made deterministic).</summary>
    public BackoffOptions WithRandomSource(Func<double> randomSource) => this with { RandomSource = randomSource };

    /// <summary>The delay before restart number <paramref name="restartCount"/> (0-based): min(max, min × 2^n) × (1 + random × factor).</summary>
    public TimeSpan DelayFor(int restartCount)
    {
        var capped = Math.Min(MaxBackoff.Ticks, MinBackoff.Ticks * Math.Pow(2, Math.Min(restartCount, 62)));
        var jittered = capped * (1 + RandomSource() * RandomFactor);
        return TimeSpan.FromTicks((long)Math.Min(jittered, TimeSpan.MaxValue.Ticks));
    }

    internal void Validate()
    {
        if (MinBackoff <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MinBackoff), MinBackoff, "minBackoff must be positive.");
        }
        if (MaxBackoff < MinBackoff)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBackoff), MaxBackoff, $"maxBackoff must be at least minBackoff ({MinBackoff}).");
        }
        if (RandomFactor is < 0 or > 1 || double.IsNaN(RandomFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(RandomFactor), RandomFactor, "randomFactor must be between 0 and 1.");
        }
        if (AutoReset is { } reset && reset <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(AutoReset), reset, "The auto-reset period must be positive.");
        }
    }
}
