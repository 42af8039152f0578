using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Hosting;
using Supervisor.Actors.Protocol;
using Supervisor.Actors.State;
using Supervisor.Host.Hosting;
using Supervisor.Simulator;
using Kit = Akka.TestKit.Xunit2.TestKit;

namespace Supervisor.Host.Tests.Metrics;

/// <summary>
/// <c>/metrics</c> as Prometheus reads it: a small web application on loopback wired the way the host will be
/// (<c>AddSupervisorMetrics</c> beside <c>AddAkka</c>, <c>MapSupervisorMetrics</c>), ten real accounts on two venues
/// against the simulator, a real SQLite journal.
/// </summary>
public sealed class PrometheusEndpointTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Node = "node-a";
    private const int AccountCount = 10;
    private static readonly HttpClient Http = new();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "supervisor-prometheus-" + Guid.NewGuid().ToString("N"));
    private SimulatorHost _simulator = null!;
    private WebApplication _app = null!;
    private Kit _kit = null!;

    public async Task InitializeAsync()
    {
        var accounts = SimulatorOptions.GenerateAccounts(AccountCount);
        _simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = accounts, TickInterval = null });
        Directory.CreateDirectory(_directory);
        var journal = JournalSettings.Sqlite(Path.Combine(_directory, "journal.db"));
        SqliteJournalFile.Prepare(journal.ConnectionString);
        var definitions = accounts.Select(a =>
        {
            var credentials = new ApiCredentials(a.ApiKey, a.Secret);
            IVenueProtocol protocol = a.IsChainUp
                ? new ChainUpProtocol(_simulator.ChainUpUri, credentials, a.Broker, a.Venue)
                : new CoinWProtocol(_simulator.CoinWUri, credentials);
            return new AccountDefinition(a.Id, protocol);
        }).ToList();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSupervisorMetrics(Node);
        builder.Services.AddAkka("prometheus", (akka, _) => akka
            .WithAccountSerializer()
            .WithAccountJournal(journal)
            .WithLocalAccounts(definitions, new AccountSettings(), d => AccountStateActor.Props(d.Id, d.Venue), markets: null)
            .AddHocon(Kit.DefaultConfig, HoconAddMode.Append));
        _app = builder.Build();
        _app.MapSupervisorMetrics();
        await _app.StartAsync();
        _kit = new Kit(_app.Services.GetRequiredService<ActorSystem>(), output);
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _kit.Dispose();
        await _simulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<string> ScrapeAsync() => Http.GetStringAsync(new Uri(_app.Urls.First() + SupervisorMetricsRegistration.Path));

    [Fact]
    public async Task The_scrape_names_every_metric_with_the_node_tag_and_ten_accounts_make_no_more_series_than_one()
    {
        await _kit.AwaitAssertAsync(async () =>
        {
            var series = ScrapedSeries.Parse(await ScrapeAsync());
            Assert.Equal(5, series.Single(s => s.Is("supervisor_accounts", ("node", Node), ("venue", "coinw"), ("status", "live"))).Value);
            Assert.Equal(5, series.Single(s => s.Is("supervisor_accounts", ("node", Node), ("venue", "coinlocally"), ("status", "live"))).Value);
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
        for (var i = 0; i < 5; i++)
        {
            _simulator.Step();
        }
        var text = "";
        IReadOnlyList<ScrapedSeries> scraped = [];
        await _kit.AwaitAssertAsync(async () =>
        {
            text = await ScrapeAsync();
            scraped = ScrapedSeries.Parse(text);
            Assert.True(scraped.Single(s => s.Is("supervisor_journal_write_seconds_count", ("node", Node))).Value > 0);
            Assert.True(scraped.Single(s => s.Is("supervisor_frame_persisted_seconds_count", ("node", Node), ("venue", "coinlocally"))).Value > 0);
            Assert.True(scraped.Single(s => s.Is("supervisor_frame_persisted_seconds_count", ("node", Node), ("venue", "coinw"))).Value > 0);
            Assert.Equal(0, scraped.Single(s => s.Is("supervisor_persist_queue_depth", ("node", Node))).Value);
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));

        foreach (var name in new[] { "supervisor_frames_received_total", "supervisor_events_decoded_total" })
        {
            Assert.True(scraped.Single(s => s.Is(name, ("node", Node), ("venue", "coinw"))).Value > 0, name);
            Assert.True(scraped.Single(s => s.Is(name, ("node", Node), ("venue", "coinlocally"))).Value > 0, name);
        }
        Assert.Contains("# TYPE supervisor_journal_write_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains(scraped, s => s.Is("target_info", ("service_instance_id", Node)));

        var ours = scraped.Where(s => s.Name.StartsWith("supervisor_", StringComparison.Ordinal)).ToList();
        Assert.All(ours, s => Assert.Equal(Node, s.Labels["node"]));
        foreach (var group in ours.GroupBy(s => s.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{group.Key}: {group.Count()} series");
        }
        output.WriteLine($"{ours.Count} supervisor series for {AccountCount} accounts on 2 venues");
        // Per node: 12 account-status series (2 venues x 6 statuses), 2 + 2 counters by venue, 18 journal-latency and
        // 36 frame-latency series (16 buckets, sum and count; the latter per venue), 1 queue depth. Reconnects and
        // decode errors add at most 2 x 10 and 2 x 6 once they happen. None of it grows with the number of accounts.
        var steady = ours.Count(s => !s.Name.StartsWith("supervisor_reconnects", StringComparison.Ordinal) && !s.Name.StartsWith("supervisor_decode_errors", StringComparison.Ordinal));
        Assert.Equal(12 + 2 + 2 + 18 + 36 + 1, steady);
        Assert.InRange(ours.Count, steady, steady + 20 + 12);
        Assert.DoesNotContain("cw0001", text, StringComparison.Ordinal);
    }
}
