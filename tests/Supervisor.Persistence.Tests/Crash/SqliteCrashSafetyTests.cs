using Supervisor.Persistence.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Supervisor.Persistence.Tests.Crash;

/// <summary>The crash test on a SQLite file (WAL, synchronous=FULL): the file must come back consistent by itself.</summary>
public sealed class SqliteCrashSafetyTests(ITestOutputHelper output) : CrashSafetyTests(output)
{
    /// <inheritdoc />
    protected override Task<JournalDatabase> CreateDatabaseAsync() => Task.FromResult<JournalDatabase>(new SqliteJournalDatabase());
}
