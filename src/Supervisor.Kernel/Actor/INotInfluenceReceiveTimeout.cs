namespace Supervisor.Kernel.Actor;

/// <summary>Messages that do not reset the receive timeout when they arrive.</summary>
public interface INotInfluenceReceiveTimeout
{
}
