using System.Linq.Expressions;

namespace Supervisor.Kernel.Actor;

/// <summary>An immutable recipe for an actor: how to build each incarnation and how it supervises its children.</summary>
public sealed record Props
{
    private Props(Type actorType, Func<ActorBase> factory)
    {
        ActorType = actorType;
        Factory = factory;
    }

    /// <summary>The actor's type.</summary>
    public Type ActorType { get; }

    /// <summary>Builds a new instance; called once per incarnation, on the actor's own turn.</summary>
    internal Func<ActorBase> Factory { get; }

    /// <summary>Overrides the actor's own <c>SupervisorStrategy()</c> for its children.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; init; }

    /// <summary>Kept for Akka's shape; this kernel has one dispatcher.</summary>
    public string? Dispatcher { get; init; }

    /// <summary>Props whose factory is the given constructor expression, compiled once.</summary>
    public static Props Create<TActor>(Expression<Func<TActor>> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        var compiled = factory.Compile();
        return new Props(typeof(TActor), compiled);
    }

    /// <summary>Props for an actor with a parameterless constructor.</summary>
    public static Props Create<TActor>()
        where TActor : ActorBase, new() => new(typeof(TActor), static () => new TActor());

    /// <summary>Props that build the actor by reflection with <paramref name="args"/>.</summary>
    public static Props Create(Type actorType, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        if (!typeof(ActorBase).IsAssignableFrom(actorType))
        {
            throw new ArgumentException($"{actorType} is not an actor (it does not derive from ActorBase).", nameof(actorType));
        }
        return new Props(actorType, () => (ActorBase)Activator.CreateInstance(actorType, args)!);
    }

    /// <summary>These props with a supervisor strategy for the actor's children.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy) => this with { SupervisorStrategy = strategy };

    /// <summary>Kept for Akka's shape; has no effect.</summary>
    public Props WithDispatcher(string dispatcher) => this with { Dispatcher = dispatcher };
}
