namespace Supervisor.Kernel.Actor;

/// <summary>A scheduled item that can be cancelled.</summary>
public interface ICancelable
{
    /// <summary>True once cancelled.</summary>
    bool IsCancellationRequested { get; }

    /// <summary>Cancels; harmless if already cancelled or already run.</summary>
    void Cancel();
}
