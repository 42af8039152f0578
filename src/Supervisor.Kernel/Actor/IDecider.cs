namespace Supervisor.Kernel.Actor;

/// <summary>Maps a child's exception to a <see cref="Directive"/>.</summary>
public interface IDecider
{
    /// <summary>The directive for <paramref name="cause"/>.</summary>
    Directive Decide(Exception cause);
}
