using Akka.Persistence;
using Akka.Persistence.TestKit;

namespace Supervisor.Actors.Tests;

/// <summary>
/// A <see cref="TestJournal"/> write interceptor that holds every write until <see cref="Open"/>, so a test can act
/// while an actor's writes are in flight without timing anything.
/// </summary>
public sealed class GatedWrites : IJournalInterceptor
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets every held and later write through.</summary>
    public void Open() => _open.TrySetResult();

    /// <inheritdoc />
    public Task InterceptAsync(IPersistentRepresentation message) => _open.Task;
}
