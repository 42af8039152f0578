namespace Supervisor.Kernel.Actor;

/// <summary>Opt in to an unbounded stash; the kernel sets <see cref="Stash"/> before the constructor body runs.</summary>
public interface IWithUnboundedStash
{
    /// <summary>This incarnation's stash.</summary>
    IStash Stash { get; set; }
}
