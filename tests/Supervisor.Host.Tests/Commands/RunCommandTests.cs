using System.Text.RegularExpressions;
using Supervisor.Host.Tests.Cli;
using Supervisor.Simulator.Model;
using Supervisor.Actors.Configuration;
using Supervisor.Host.Run;
using Supervisor.Simulator;

namespace Supervisor.Host.Tests.Commands;

/// <summary><c>supervisor run</c> against the simulator on loopback, with the accounts and secrets in HOCON.</summary>
public sealed class RunCommandTests : IDisposable
{
    private const string HttpToken = "run-test-token-4d1f";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("supervisor-run-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Run_supervises_the_registry_of_a_config_file_until_its_duration_ends()
    {
        var accounts = SimulatorOptions.GenerateAccounts(4);
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = accounts, TickInterval = TimeSpan.FromMilliseconds(100) });
        var config = ConfigFor(accounts, simulator);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await new SupervisorRunner(config, TimeSpan.FromSeconds(4), output, error, CredentialSource.Default).RunAsync(CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Equal("", error.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The journal as JournalSettings.Describe names it: engine and file, never the connection string.
        Assert.Equal($"supervisor: 4 accounts (2 coinw, 2 coinlocally), journal sqlite {Path.Combine(_directory.FullName, "data", "journal.db")}", lines[0]);
        Assert.Matches(@"^http: listening on http://127\.0\.0\.1:\d+$", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("live 4/4,", StringComparison.Ordinal));
        Assert.Equal("supervisor: stopped", lines[^1]);
        Assert.DoesNotContain(HttpToken, output.ToString());
        Assert.True(File.Exists(Path.Combine(_directory.FullName, "data", "journal.db")));
        foreach (var account in accounts)
        {
            Assert.DoesNotContain(account.Secret, output.ToString());
        }
    }

    [Fact]
    public async Task Registry_changes_in_the_file_add_remove_and_replace_accounts_without_a_restart_and_a_broken_file_changes_nothing()
    {
        var accounts = SimulatorOptions.GenerateAccounts(3);
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = accounts, TickInterval = TimeSpan.FromMilliseconds(100) });
        // A query the simulator ignores changes the ChainUP endpoint's text, so its account must be replaced.
        string Config(IEnumerable<string> entries, string chainUpQuery = "") => $$"""
            supervisor {
              persistence.connection-string = "Data Source={{Path.Combine(_directory.FullName, "data", "journal.db")}}"
              venues.coinw { url = "{{simulator.CoinWUri}}", rest-url = "{{simulator.BaseUri}}" }
              venues.chainup.tenants.coinlocally { url = "{{simulator.ChainUpUri}}{{chainUpQuery}}", rest-url = "{{simulator.BaseUri}}" }
              run { status-interval = 100ms, reload-interval = 100ms, log-level = Warning }
              http.enabled = off
              registry = [ {{string.Join("\n", entries)}} ]
            }
            """;
        string Entry(Simulator.Model.SimAccount a) => $"{{ id = {a.Id}, venue = {a.Venue}, api-key = \"{a.ApiKey}\", secret = \"{a.Secret}\" }}";
        var config = Write("app.conf", Config([Entry(accounts[0]), Entry(accounts[1])]));
        var (printed, output) = Synchronized();
        var (complained, error) = Synchronized();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        // As in the executable: no synchronization context (xunit's would carry the run's continuations).
        var run = Task.Run(() => new SupervisorRunner(config, null, output, error, CredentialSource.Default).RunAsync(stop.Token));
        await WaitForAsync(printed, "live 2/2,");
        Replace(config, "supervisor.registry = [ { id = broken");
        await WaitForAsync(complained, "the 2 running accounts go on unchanged");
        Replace(config, Config([Entry(accounts[1]), Entry(accounts[2])], chainUpQuery: "?moved=1"));
        await WaitForAsync(printed, "reloaded");
        await WaitForAsync(printed, "live 2/2,", after: "reloaded");
        await stop.CancelAsync();

        Assert.Equal(0, await run);
        var text = printed();
        Assert.Contains($"removed coinw/{accounts[0].Id}; replaced coinlocally/{accounts[1].Id} (endpoint, broker or credentials changed); added coinw/{accounts[2].Id}; 2 accounts", text);
        Assert.Contains("app.conf:1:", complained());
        Assert.DoesNotContain(accounts[1].Secret, text + complained());
    }

    // As a deploy tool does it: the new text appears at once, never half written.
    private static void Replace(string path, string text)
    {
        File.WriteAllText(path + ".new", text);
        File.Move(path + ".new", path, overwrite: true);
    }

    // The run writes from its own tasks: a synchronized writer, read under the same lock.
    private static (Func<string> Text, TextWriter Writer) Synchronized()
    {
        var inner = new StringWriter();
        var writer = TextWriter.Synchronized(inner);
        return (() =>
        {
            lock (writer)
            {
                return inner.ToString();
            }
        }, writer);
    }

    private static async Task WaitForAsync(Func<string> printed, string text, string? after = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var all = printed();
            var from = after is null ? 0 : all.IndexOf(after, StringComparison.Ordinal);
            if (from >= 0 && all.IndexOf(text, from, StringComparison.Ordinal) >= 0)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"no '{text}'{(after is null ? "" : $" after '{after}'")} in: {all}");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Configuration_problems_are_all_printed_and_exit_2_before_anything_starts()
    {
        var config = Write("app.conf", """
            supervisor.registry = [
              { id = a1, venue = nowhere, api-key = k, secret = s }
              { id = a2, venue = coinw, api-key = k, secret = { env = SUPERVISOR_TEST_UNSET_VARIABLE } }
            ]
            """);
        var error = new StringWriter();

        var exit = await new SupervisorRunner(config, TimeSpan.FromSeconds(1), new StringWriter(), error, CredentialSource.Default).RunAsync(CancellationToken.None);

        Assert.Equal(SupervisorRunner.ConfigurationError, exit);
        Assert.Contains("2 problem(s)", error.ToString());
        Assert.Contains("app.conf:2:", error.ToString());
        Assert.Contains("'nowhere' is not a known venue", error.ToString());
        Assert.Contains("SUPERVISOR_TEST_UNSET_VARIABLE is not set", error.ToString());
    }

    [Theory]
    [InlineData("a = ", "app.conf:1:5: expected a value")]
    [InlineData("supervisor.registry = []", "no enabled accounts in supervisor.registry")]
    [InlineData("supervisor.persistence.engine = oracle\nsupervisor.registry = [{ id = a, venue = coinw, api-key = k, secret = s }]", "'supervisor.persistence.engine' must be sqlite or postgresql")]
    public async Task Bad_files_exit_2_with_a_clear_message(string text, string message)
    {
        var config = Write("app.conf", text);
        var error = new StringWriter();

        var exit = await new SupervisorRunner(config, TimeSpan.FromSeconds(1), new StringWriter(), error, CredentialSource.Default).RunAsync(CancellationToken.None);

        Assert.Equal(SupervisorRunner.ConfigurationError, exit);
        Assert.Contains(message, error.ToString());
    }

    [Fact]
    public async Task An_unreachable_journal_exits_3_naming_the_engine()
    {
        var config = Write("app.conf", """
            supervisor.persistence { engine = postgresql, connection-string = "Host=127.0.0.1;Port=1;Username=x;Timeout=2" }
            supervisor.http.enabled = off
            supervisor.registry = [{ id = a, venue = coinw, api-key = k, secret = s }]
            """);
        var error = new StringWriter();

        var exit = await new SupervisorRunner(config, TimeSpan.FromSeconds(1), new StringWriter(), error, CredentialSource.Default).RunAsync(CancellationToken.None);

        Assert.Equal(SupervisorRunner.JournalError, exit);
        Assert.Contains("cannot open the PostgreSql journal", error.ToString());
    }

    [Fact]
    public async Task A_journal_written_by_the_stand_in_exits_3_with_the_clear_message_before_anything_starts()
    {
        var journal = Path.Combine(_directory.FullName, "old.db");
        TestJournals.WriteStandIn(journal);
        var config = Write("app.conf", $$"""
            supervisor.persistence.connection-string = "Data Source={{journal}}"
            supervisor.http.enabled = off
            supervisor.registry = [{ id = a, venue = coinw, api-key = k, secret = s }]
            """);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await new SupervisorRunner(config, TimeSpan.FromSeconds(1), output, error, CredentialSource.Default).RunAsync(CancellationToken.None);

        Assert.Equal(SupervisorRunner.JournalError, exit);
        Assert.Contains("cannot open the Sqlite journal", error.ToString());
        Assert.Contains("written by Supervisor's own journal from before the move to Akka.Persistence.Sql", error.ToString());
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public async Task Without_a_duration_it_runs_until_interrupted_serving_the_api_on_the_http_url_it_prints_then_stops_cleanly()
    {
        var accounts = SimulatorOptions.GenerateAccounts(2);
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = accounts, TickInterval = TimeSpan.FromMilliseconds(100) });
        var config = ConfigFor(accounts, simulator);

        await using var run = CliProcess.Supervisor(["run", "--config", config, "--http", "http://127.0.0.1:0"], _directory.FullName);
        await run.WaitForLineAsync(line => line.StartsWith("live 2/2,", StringComparison.Ordinal), TimeSpan.FromMinutes(1));
        var url = Regex.Match(run.Output, @"^http: listening on (http://127\.0\.0\.1:\d+)$", RegexOptions.Multiline).Groups[1].Value;
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        using var health = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var anonymous = await http.GetAsync(new Uri("/api/accounts", UriKind.Relative));
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", HttpToken);
        var listed = await http.GetStringAsync(new Uri("/api/accounts", UriKind.Relative));
        await run.InterruptAsync();

        Assert.Equal(0, await run.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.EndsWith("supervisor: stopped", run.Output.TrimEnd());
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.All(accounts, a => Assert.Contains($"\"id\":\"{a.Id}\"", listed));
        Assert.DoesNotContain(HttpToken, run.Output);
    }

    [Fact]
    public async Task Without_a_token_it_refuses_to_serve_the_api_and_exits_2_naming_the_setting()
    {
        var config = Write("app.conf", """
            supervisor.registry = [{ id = a, venue = coinw, api-key = k, secret = s }]
            """);
        var error = new StringWriter();

        var exit = await new SupervisorRunner(config, TimeSpan.FromSeconds(1), new StringWriter(), error, CredentialSource.Default).RunAsync(CancellationToken.None);

        Assert.Equal(SupervisorRunner.ConfigurationError, exit);
        Assert.Contains("supervisor.http.token is not set", error.ToString());
        Assert.Contains("supervisor.http.enabled = off", error.ToString());
    }

    [Fact]
    public async Task An_http_url_it_cannot_listen_on_exits_2_naming_the_setting()
    {
        var accounts = SimulatorOptions.GenerateAccounts(1);
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = accounts, TickInterval = null });
        var config = ConfigFor(accounts, simulator);
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var error = new StringWriter();

        var exit = await new SupervisorRunner(config, TimeSpan.FromSeconds(1), new StringWriter(), error, CredentialSource.Default, $"http://127.0.0.1:{port}")
            .RunAsync(CancellationToken.None);

        Assert.Equal(SupervisorRunner.ConfigurationError, exit);
        Assert.Contains($"supervisor.http.url: cannot listen on http://127.0.0.1:{port}", error.ToString());
    }

    [Fact]
    public void A_malformed_http_option_is_refused_at_parse_time()
    {
        var parse = Program.BuildRoot().Parse(["run", "--config", "x.conf", "--http", "https://127.0.0.1:8443/api"]);
        Assert.Contains(parse.Errors, e => e.Message.StartsWith("--http: must be http://HOST:PORT", StringComparison.Ordinal));
    }

    /// <summary>A config file for <paramref name="accounts"/> on <paramref name="simulator"/>, secrets in files beside it.</summary>
    private string ConfigFor(IReadOnlyList<SimAccount> accounts, SimulatorHost simulator)
    {
        var secrets = Path.Combine(_directory.FullName, "secrets");
        Directory.CreateDirectory(secrets);
        foreach (var account in accounts)
        {
            File.WriteAllText(Path.Combine(secrets, account.Id), account.Secret + "\n");
        }
        File.WriteAllText(Path.Combine(secrets, "http-token"), HttpToken + "\n");
        var registry = string.Join(",\n", accounts.Select(a =>
            $"{{ id = {a.Id}, venue = {a.Venue}, api-key = \"{a.ApiKey}\", secret = {{ file = \"{Path.Combine(secrets, a.Id)}\" }} }}"));
        return Write("app.conf", $$"""
            supervisor {
              persistence.connection-string = "Data Source={{Path.Combine(_directory.FullName, "data", "journal.db")}}"
              venues.coinw { url = "{{simulator.CoinWUri}}", rest-url = "{{simulator.BaseUri}}" }
              venues.chainup.tenants.coinlocally { url = "{{simulator.ChainUpUri}}", rest-url = "{{simulator.BaseUri}}" }
              run { status-interval = 200ms, log-level = Warning }
              http { url = "http://127.0.0.1:0", token = { file = "{{Path.Combine(secrets, "http-token")}}" } }
              registry = [
            {{registry}}
              ]
            }
            """);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
