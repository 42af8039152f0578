using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Supervisor.Tests.Postgres;

/// <summary>
/// A throw-away PostgreSQL cluster from the Debian server binaries: initdb into a temp dir, a free port on
/// 127.0.0.1, started and stopped with pg_ctl, removed afterwards. As root (here and in CI) the server runs as the
/// <c>postgres</c> user through runuser, because initdb refuses to run as root. Missing binaries are an error,
/// not a skip: CI installs the <c>postgresql</c> package.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);
    private readonly string _bin;
    private readonly string _root;
    private readonly bool _asPostgresUser;

    private PostgresServer(string bin, string root, int port, bool asPostgresUser)
    {
        _bin = bin;
        _root = root;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>Creates and starts a cluster.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinaries();
        var root = Path.Combine(Path.GetTempPath(), "supervisor-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var asPostgres = Environment.UserName == "root";
        if (asPostgres)
        {
            await ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", root], CommandTimeout);
        }
        var server = new PostgresServer(bin, root, FreePort(), asPostgres);
        await server.RunAsync("initdb", ["-D", server.DataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
        await server.StartServerAsync();
        return server;
    }

    /// <summary>A connection string to a new, empty database.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    /// <summary>Stops the server fast (connections are cut); data stays.</summary>
    public Task StopServerAsync() => RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"]);

    /// <summary>Starts the server on the same port and data; the test's own pools are cleared (their connections died with the old server).</summary>
    public async Task StartServerAsync()
    {
        await RunAsync("pg_ctl",
            ["-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
             "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -k {_root} -c max_connections=300", "start"]);
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Stops the server and deletes the cluster.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // Already stopped (a test stopped it); the directory still goes.
        }
        Directory.Delete(_root, recursive: true);
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=100;Timeout=5;Command Timeout=30";

    private Task<string> RunAsync(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_bin, tool);
        return _asPostgresUser
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], CommandTimeout)
            : ProcessRunner.RunAsync(path, arguments, CommandTimeout);
    }

    private static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL server binaries were not found under /usr/lib/postgresql/*/bin; install the Debian 'postgresql' package (.ci/run does).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
