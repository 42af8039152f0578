namespace Supervisor.Persistence.Sql;

/// <summary>The rows of one journal call and the task its caller waits on; completed once, by the writer.</summary>
internal sealed class WriteRequest(IReadOnlyList<JournalRow> rows)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<JournalRow> Rows { get; } = rows;

    public Task Completion => _done.Task;

    public void Succeed() => _done.TrySetResult();

    public void Fail(Exception cause) => _done.TrySetException(cause);
}
