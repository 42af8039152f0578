using Supervisor.Tests.Postgres;

namespace Supervisor.Persistence.Tests.Infrastructure;

/// <summary>One throw-away PostgreSQL server for every test of the <see cref="PostgresCollection"/>; each test makes its own database on it.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    /// <summary>The server (started before the first test).</summary>
    public PostgresServer Server { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync() => await Server.DisposeAsync();
}
