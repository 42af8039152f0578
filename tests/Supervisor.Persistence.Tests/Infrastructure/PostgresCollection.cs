namespace Supervisor.Persistence.Tests.Infrastructure;

/// <summary>The test classes that share one PostgreSQL server (starting one costs a few seconds of initdb).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "postgres";
}
