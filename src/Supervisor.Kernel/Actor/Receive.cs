namespace Supervisor.Kernel.Actor;

/// <summary>A behaviour: handles a message and says whether it did.</summary>
public delegate bool Receive(object message);
