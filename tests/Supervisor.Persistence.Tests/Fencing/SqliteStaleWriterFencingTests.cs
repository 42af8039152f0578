using Supervisor.Persistence.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Supervisor.Persistence.Tests.Fencing;

/// <summary>Fencing of a stale writer on one SQLite file written by two actor systems.</summary>
public sealed class SqliteStaleWriterFencingTests(ITestOutputHelper output) : StaleWriterFencingTests(output)
{
    /// <inheritdoc />
    protected override Task<JournalDatabase> CreateDatabaseAsync() => Task.FromResult<JournalDatabase>(new SqliteJournalDatabase());
}
