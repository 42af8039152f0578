using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Supervisor.Actors.Hosting;
using Supervisor.Host.Hosting;
using Supervisor.Host.Http;

namespace Supervisor.Host.Tests.Hosting;

/// <summary>The host the commands run in: a web application only when it serves HTTP.</summary>
public sealed class SupervisorHostTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("supervisor-host-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Without_http_settings_the_host_has_no_server_and_opens_no_port()
    {
        var journal = JournalSettings.Sqlite(Path.Combine(_directory.FullName, "journal.db"));
        SqliteJournalFile.Prepare(journal.ConnectionString);
        using var host = SupervisorHost.Build("no-http", journal, LogLevel.None, (_, _) => { });
        await host.StartAsync();
        try
        {
            Assert.Null(host.Services.GetService<IServer>());
            Assert.Null(SupervisorHttp.ListeningOn(host));
        }
        finally
        {
            await host.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
