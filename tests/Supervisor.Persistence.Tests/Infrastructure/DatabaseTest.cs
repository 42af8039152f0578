namespace Supervisor.Persistence.Tests.Infrastructure;

/// <summary>A test class whose every test gets an empty database of its engine; the subclasses say which engine.</summary>
public abstract class DatabaseTest : IAsyncLifetime
{
    /// <summary>This test's database.</summary>
    protected JournalDatabase Database { get; private set; } = null!;

    /// <summary>The engine's empty database for one test.</summary>
    protected abstract Task<JournalDatabase> CreateDatabaseAsync();

    /// <inheritdoc />
    public async Task InitializeAsync() => Database = await CreateDatabaseAsync();

    /// <inheritdoc />
    public async Task DisposeAsync() => await Database.DisposeAsync();
}
