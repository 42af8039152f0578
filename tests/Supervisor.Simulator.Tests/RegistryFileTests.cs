using System.Diagnostics;
using System.Text.RegularExpressions;
using Supervisor.Configuration;
using Supervisor.Simulator;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.Tests;

/// <summary>
/// The simulator run on its own (<see cref="Program"/>): its positional arguments, the registry file it writes for the
/// supervisor (<c>--registry-file</c>, read back with the supervisor's HOCON reader) and its errors.
/// </summary>
public sealed partial class RegistryFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("simulator-registry-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_registry_lists_every_generated_account_as_supervisor_registry_entries_and_says_they_are_test_credentials()
    {
        var accounts = SimulatorOptions.GenerateAccounts(4);
        var text = SimulatorRegistry.Render(accounts);

        Assert.Contains("TEST credentials", text);
        var entries = HoconLoader.ParseString(text, HoconOptions.Default.WithoutEnvironment()).Resolve().GetConfigList("supervisor.registry");
        Assert.Equal(accounts.Count, entries.Count);
        for (var i = 0; i < accounts.Count; i++)
        {
            Assert.Equal(accounts[i].Id, entries[i].GetString("id"));
            Assert.Equal(accounts[i].Venue, entries[i].GetString("venue"));
            Assert.Equal(accounts[i].ApiKey, entries[i].GetString("api-key"));
            Assert.Equal(accounts[i].Secret, entries[i].GetString("secret"));
            Assert.Equal(accounts[i].IsChainUp ? accounts[i].Broker : -1, entries[i].GetInt("broker", -1));
        }
        Assert.Equal(["coinw", "coinlocally", "coinw", "coinlocally"], entries.Select(e => e.GetString("venue")));
    }

    [Fact]
    public void Quotes_and_backslashes_in_credentials_survive_the_round_trip()
    {
        var account = new SimAccount("a1", "coinw", "key \"with\" quotes", "se\\cret\n#not a comment");
        var entry = HoconLoader.ParseString(SimulatorRegistry.Render([account]), HoconOptions.Default.WithoutEnvironment()).Resolve().GetConfigList("supervisor.registry").Single();
        Assert.Equal(account.ApiKey, entry.GetString("api-key"));
        Assert.Equal(account.Secret, entry.GetString("secret"));
    }

    [Fact]
    public async Task With_a_registry_file_it_listens_on_all_interfaces_writes_the_file_and_stops_with_exit_0()
    {
        var path = Path.Combine(_folder, "volume", "accounts.conf");
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var error = new StringWriter();
        var run = Program.RunAsync(["3", "http://0.0.0.0:0", "--registry-file", path], TextWriter.Synchronized(output), TextWriter.Synchronized(error), stop.Token);

        await WaitFor(() => File.Exists(path) || run.IsCompleted);
        Assert.False(run.IsCompleted, error.ToString());
        var entries = HoconLoader.FromFile(path, HoconOptions.Default.WithoutEnvironment()).Resolve().GetConfigList("supervisor.registry");
        Assert.Equal(["cw0001", "cl0002", "cw0003"], entries.Select(e => e.GetString("id")));
        Assert.Contains($"registry of 3 accounts (test credentials) written to {path}", output.ToString());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));

        // Bound to 0.0.0.0: reachable through the loopback interface, as through a container's own address.
        var port = int.Parse(BoundPort().Match(output.ToString()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var truth = await http.GetAsync(new Uri("/sim/accounts/cl0002/truth", UriKind.Relative));
        Assert.True(truth.IsSuccessStatusCode, truth.StatusCode.ToString());

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task The_positional_usage_still_works_without_a_registry_file_and_the_equals_form_replaces_an_old_file()
    {
        using (var stop = new CancellationTokenSource())
        {
            var output = new StringWriter();
            var run = Program.RunAsync(["2", "http://127.0.0.1:0"], TextWriter.Synchronized(output), TextWriter.Null, stop.Token);
            await WaitFor(() => output.ToString().Contains("cl0002 coinlocally key=cl-key-2", StringComparison.Ordinal) || run.IsCompleted);
            Assert.StartsWith("simulator: 2 accounts;", output.ToString());
            Assert.DoesNotContain("registry", output.ToString());
            await stop.CancelAsync();
            Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        }

        var path = Path.Combine(_folder, "accounts.conf");
        File.WriteAllText(path, "supervisor.registry = [ { id = stale, venue = coinw, api-key = k, secret = s } ]");
        using (var stop = new CancellationTokenSource())
        {
            var run = Program.RunAsync(["1", "http://127.0.0.1:0", $"--registry-file={path}"], TextWriter.Null, TextWriter.Null, stop.Token);
            await WaitFor(() => File.ReadAllText(path).Contains("cw0001", StringComparison.Ordinal) || run.IsCompleted);
            Assert.DoesNotContain("stale", File.ReadAllText(path));
            await stop.CancelAsync();
            Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        }
    }

    [Theory]
    [InlineData("under-a-file")]
    [InlineData("a-folder")]
    public async Task An_unwritable_registry_path_is_a_clear_error_and_exit_3(string where)
    {
        var file = Path.Combine(_folder, "not-a-folder");
        File.WriteAllText(file, "");
        var path = where == "under-a-file" ? Path.Combine(file, "accounts.conf") : _folder;
        var error = new StringWriter();

        var exit = await Program.RunAsync(["1", "http://127.0.0.1:0", "--registry-file", path], TextWriter.Null, error, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Program.RegistryFileError, exit);
        Assert.StartsWith($"simulator: cannot write the registry file {path}: ", error.ToString());
    }

    [Theory]
    [InlineData(new[] { "--registry-file" }, "--registry-file needs a PATH")]
    [InlineData(new[] { "--registry-file=" }, "--registry-file needs a PATH")]
    [InlineData(new[] { "--registry-file", "a.conf", "--registry-file", "b.conf" }, "--registry-file is given more than once")]
    [InlineData(new[] { "--registry" }, "unknown option --registry")]
    [InlineData(new[] { "ten" }, "accounts must be a positive whole number, was 'ten'")]
    [InlineData(new[] { "0" }, "accounts must be a positive whole number, was '0'")]
    [InlineData(new[] { "3", "0.0.0.0:5080" }, "url must be an absolute http:// or https:// URL, was '0.0.0.0:5080'")]
    [InlineData(new[] { "3", "http://127.0.0.1:5080", "extra" }, "too many arguments: 3 http://127.0.0.1:5080 extra")]
    public async Task A_wrong_command_line_is_a_usage_error_with_exit_2_and_starts_nothing(string[] args, string message)
    {
        var error = new StringWriter();
        var exit = await Program.RunAsync(args, TextWriter.Null, error, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Program.UsageError, exit);
        Assert.StartsWith($"simulator: {message}\n", error.ToString().ReplaceLineEndings("\n"));
        Assert.Contains("usage: Supervisor.Simulator [accounts] [url] [--registry-file PATH]", error.ToString());
    }

    [Fact]
    public async Task As_a_process_an_unwritable_registry_path_exits_non_zero_with_the_message_on_stderr()
    {
        var file = Path.Combine(_folder, "not-a-folder");
        File.WriteAllText(file, "");
        var path = Path.Combine(file, "accounts.conf");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Supervisor.Simulator.dll"), "1", "http://127.0.0.1:0", "--registry-file", path })
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(Program.RegistryFileError, process.ExitCode);
        Assert.Contains($"simulator: cannot write the registry file {path}", await stderr);
        Assert.StartsWith("simulator: 1 accounts;", await stdout);
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }

    [GeneratedRegex(@"CoinW ws://[^:/]+:(\d+)/perpum")]
    private static partial Regex BoundPort();
}
