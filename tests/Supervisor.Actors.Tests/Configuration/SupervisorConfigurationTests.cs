using Supervisor.Actors.Configuration;
using Supervisor.Actors.Protocol;
using Supervisor.Configuration;

namespace Supervisor.Actors.Tests.Configuration;

public sealed class SupervisorConfigurationTests
{
    private static readonly Dictionary<string, string> Environment = new() { ["CW_KEY"] = "env-key", ["CW_SECRET"] = "env-secret" };
    private static readonly Dictionary<string, string> Files = new() { ["/secrets/cl.secret"] = "file-secret\n" };
    private static readonly CredentialSource Credentials = new(Environment.GetValueOrDefault,
        path => Files.TryGetValue(path, out var text) ? text : throw new FileNotFoundException($"Could not find file '{path}'."));

    private static SupervisorConfiguration Read(string hocon) =>
        SupervisorConfiguration.Read(HoconLoader.ParseString(hocon, HoconOptions.Default.WithoutEnvironment(), "app.conf"), Credentials);

    private static SupervisorConfigurationException Fails(string hocon) =>
        Assert.Throws<SupervisorConfigurationException>(() => Read(hocon));

    [Fact]
    public void Accounts_come_from_the_registry_with_credentials_from_env_files_and_strings()
    {
        var settings = Read("""
            supervisor.venues.coinw.url = "ws://127.0.0.1:9000/perpum"
            supervisor.registry = [
              { id = "1162061", venue = coinw, api-key = { env = CW_KEY }, secret = { env = CW_SECRET } }
              { id = "2001", venue = coinlocally, api-key = plain-key, secret = { file = "/secrets/cl.secret" }, broker = 42 }
              { id = "3001", venue = exchange1, api-key = k, secret = s, enabled = off }
            ]
            supervisor.accounts.reconnect.max-backoff = 2m
            """);

        Assert.Equal(["1162061", "2001"], settings.AccountDefinitions.Select(d => d.Id));
        var coinw = Assert.IsType<CoinWProtocol>(settings.AccountDefinitions[0].Protocol);
        Assert.Equal(new Uri("ws://127.0.0.1:9000/perpum"), coinw.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(10), coinw.Heartbeat.Interval);
        var chainup = Assert.IsType<ChainUpProtocol>(settings.AccountDefinitions[1].Protocol);
        Assert.Equal("coinlocally", chainup.Venue);
        Assert.Equal(new Uri("wss://futuresws.coinlocally.com/position_order/ws"), chainup.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(20), chainup.Heartbeat.Interval);
        Assert.Contains("\"broker\":42", System.Text.Encoding.UTF8.GetString(chainup.Subscriptions[0].Frame));
        Assert.Equal(TimeSpan.FromMinutes(2), settings.Accounts.MaxBackoff);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.Accounts.MinBackoff);
        Assert.Equal(1024 * 1024, settings.Accounts.Connection.MaxFrameBytes);
        Assert.Equal(500, settings.SnapshotEvery);
    }

    [Theory]
    [InlineData("coinw", "on", 1)]
    [InlineData("coinw", "off", 0)]
    [InlineData("coinlocally", "on", 1)]
    public void One_shared_market_data_connection_for_CoinW_when_it_is_on_opened_by_the_root_once_a_CoinW_account_exists(string venue, string marketData, int expected)
    {
        var settings = Read($$"""
            supervisor.venues.coinw { url = "ws://127.0.0.1:9000/perpum", market-data = {{marketData}} }
            supervisor.registry = [
              { id = a1, venue = {{venue}}, api-key = k, secret = s }
              { id = a2, venue = {{venue}}, api-key = k, secret = s }
            ]
            """);

        Assert.Equal(expected, settings.MarketData.Count);
        if (expected == 1)
        {
            var market = Assert.IsType<CoinWMarketProtocol>(settings.MarketData[0]);
            Assert.Equal(new Uri("ws://127.0.0.1:9000/perpum"), market.Endpoint);
            Assert.Null(market.LoginFrame);
        }
    }

    [Fact]
    public void A_fingerprint_changes_with_credentials_endpoint_or_broker_and_never_shows_the_secret_and_run_limits_are_checked()
    {
        static string Of(string entry, string extra = "") => Read($"{extra}\nsupervisor.registry = [{entry}]").AccountDefinitions.Single().Fingerprint!;
        const string Base = "{ id = a1, venue = coinlocally, api-key = k, secret = hunter2 }";

        var same = Of(Base);

        Assert.Equal(same, Of(Base));
        Assert.NotEqual(same, Of("{ id = a1, venue = coinlocally, api-key = k, secret = hunter3 }"));
        Assert.NotEqual(same, Of("{ id = a1, venue = coinlocally, api-key = k, secret = hunter2, broker = 7 }"));
        Assert.NotEqual(same, Of(Base, "supervisor.venues.chainup.tenants.coinlocally.url = \"wss://elsewhere.example/position_order/ws\""));
        Assert.DoesNotContain("hunter2", same);
        Assert.Equal(TimeSpan.FromSeconds(5), Read($"supervisor.registry = [{Base}]").ReloadInterval);
        Assert.Contains("'supervisor.run.reload-interval' must be zero (off) or a positive duration", Fails($"supervisor.run.reload-interval = -1s\nsupervisor.registry = [{Base}]").Message);
        Assert.Equal(10_000, Read($"supervisor.registry = [{Base}]").ReconcileMaxBufferedFrames);
        Assert.Contains("'supervisor.accounts.reconcile-max-buffered-frames' must be at least 1",
            Fails($"supervisor.accounts.reconcile-max-buffered-frames = 0\nsupervisor.registry = [{Base}]").Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_position_and_no_secret()
    {
        var error = Fails("""
            supervisor.accounts.reconnect.min-backoff = soon
            supervisor.registry = [
              { id = a1, venue = binance, api-key = k, secret = s }
              { id = a2, venue = coinw, api-key = k, secret = { env = NOT_SET_ANYWHERE } }
              { id = a3, venue = coinw, api-key = k, secret = { file = "/secrets/missing" } }
              { id = "bad id!", venue = coinw, api-key = k, secret = s }
              { id = a5, venue = coinw, api-key = k, secret = hunter2 }
              { id = a5, venue = coinw, api-key = k, secret = hunter2 }
              { venue = coinw, api-key = k, secret = s }
            ]
            """);

        Assert.Equal(7, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("app.conf:1:45: 'supervisor.accounts.reconnect.min-backoff'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("app.conf:3:") && p.Contains("'binance' is not a known venue (coinw, or a ChainUP tenant") && p.Contains("coinlocally, exchange1"));
        Assert.Contains(error.Problems, p => p.Contains("supervisor.registry[1].secret: the environment variable NOT_SET_ANYWHERE is not set"));
        Assert.Contains(error.Problems, p => p.Contains("supervisor.registry[2].secret: cannot read /secrets/missing"));
        Assert.Contains(error.Problems, p => p.Contains("supervisor.registry[3].id 'bad id!'"));
        Assert.Contains(error.Problems, p => p.Contains("account a5 on coinw is listed twice"));
        Assert.Contains(error.Problems, p => p.Contains("supervisor.registry[6].id is missing"));
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public void Out_of_range_settings_name_their_path()
    {
        var error = Fails("""
            supervisor.venues.coinw.heartbeat.silence-timeout = 1s
            supervisor.connection.max-frame-bytes = 10
            supervisor.venues.chainup.tenants.coinlocally.url = "https://not-a-socket"
            supervisor.registry = [{ id = c1, venue = coinlocally, api-key = k, secret = s }]
            """);

        Assert.Contains(error.Problems, p => p.Contains("supervisor.venues.coinw.heartbeat.silence-timeout must be longer than the interval"));
        Assert.Contains(error.Problems, p => p.Contains("supervisor.connection.max-frame-bytes must be between 1KiB and 64MiB"));
        Assert.Contains(error.Problems, p => p.Contains("'supervisor.venues.chainup.tenants.coinlocally.url' must be a ws:// or wss:// URL"));
    }

    [Fact]
    public void A_registry_that_is_not_a_list_is_refused()
    {
        var error = Fails("supervisor.registry { a = 1 }");

        Assert.Contains(error.Problems, p => p.Contains("'supervisor.registry' should be an array"));
    }

    [Fact]
    public void Credentials_never_appear_in_the_protocol_s_text()
    {
        var settings = Read("supervisor.registry = [{ id = c1, venue = coinw, api-key = { env = CW_KEY }, secret = { env = CW_SECRET } }]");

        var definition = settings.AccountDefinitions.Single();

        Assert.DoesNotContain("env-secret", definition.ToString());
    }
}
