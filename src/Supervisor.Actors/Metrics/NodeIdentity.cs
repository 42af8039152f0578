using Akka.Actor;

namespace Supervisor.Actors.Metrics;

/// <summary>The <c>node</c> tag when the host names none: what tells this node apart from the others of its cluster.</summary>
internal static class NodeIdentity
{
    public static string Of(ActorSystem system)
    {
        // With remoting (a cluster node) the default address carries host and port, unique per node even when several
        // nodes share a machine (docker-compose, the cluster tests); a local system's address has neither.
        var address = ((ExtendedActorSystem)system).Provider.DefaultAddress;
        return address.Host is { Length: > 0 } host && address.Port is { } port ? $"{host}:{port}" : Environment.MachineName;
    }
}
