using Supervisor.Host.Tests.Cli;
using System.Text.Json;
using Supervisor.Host.Commands;

namespace Supervisor.Host.Tests.Commands;

public sealed class ConfigCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("config-show-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Show_prints_the_resolved_tree_as_json_with_secrets_masked()
    {
        var file = Write("app.conf", """
            base { url = "wss://127.0.0.1:9000" }
            accounts = [
              { id = a1, api-key = AK1, secret = S1, url = ${base.url}"/perpum" }
            ]
            limits.frame = 1MiB
            """);

        var (exit, output, error) = Show(file, json: true);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var account = JsonDocument.Parse(output).RootElement.GetProperty("accounts")[0];
        Assert.Equal("wss://127.0.0.1:9000/perpum", account.GetProperty("url").GetString());
        Assert.Equal("***", account.GetProperty("api-key").GetString());
        Assert.Equal("***", account.GetProperty("secret").GetString());
        Assert.DoesNotContain("S1", output);
    }

    [Fact]
    public void Show_secrets_prints_them_and_hocon_output_reads_back()
    {
        var file = Write("app.conf", "token = T0K3N\nnested { passphrase = p }");

        var (exit, output, _) = Show(file, showSecrets: true);

        Assert.Equal(0, exit);
        Assert.Contains("token = \"T0K3N\"", output);
        Assert.Equal("p", Supervisor.Configuration.HoconLoader.ParseString(output).GetString("nested.passphrase"));
    }

    [Fact]
    public void No_env_leaves_environment_substitutions_unresolved()
    {
        var variable = "SUPERVISOR_CONFIG_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "from-env");
        try
        {
            var file = Write("app.conf", $"value = default\nvalue = ${{?{variable}}}");

            Assert.Contains("from-env", Show(file, json: true).Output);
            Assert.Contains("default", Show(file, json: true, noEnv: true).Output);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void With_defaults_merges_the_reference_settings_below_the_file()
    {
        var file = Write("app.conf", "kernel.actor.throughput = 64");

        var root = JsonDocument.Parse(Show(file, json: true, withDefaults: true).Output).RootElement;

        Assert.Equal(64, root.GetProperty("kernel").GetProperty("actor").GetProperty("throughput").GetInt32());
        Assert.Equal("sqlite", root.GetProperty("supervisor").GetProperty("persistence").GetProperty("engine").GetString());
    }

    [Theory]
    [InlineData("a = 1\nb = \"open", "app.conf:2:5: unterminated quoted string")]
    [InlineData("a = ${missing}", "app.conf:1:5: could not resolve ${missing}")]
    [InlineData("a = ${b}\nb = ${a}", "substitution cycle")]
    [InlineData("a {\n  b = 1\n", "app.conf:3:1: end of file before the '}'")]
    public void Errors_print_file_line_column_and_exit_non_zero(string text, string message)
    {
        var file = Write("app.conf", text);

        var (exit, output, error) = Show(file, noEnv: true);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains(message, error);
        Assert.StartsWith(file + ":", error);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var missing = Path.Combine(_directory.FullName, "nope.conf");

        var (exit, _, error) = Show(missing);

        Assert.Equal(1, exit);
        Assert.Contains("nope.conf", error);
        Assert.Contains("not found", error);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Exit, string Output, string Error) Show(string file, bool json = false, bool noEnv = false, bool showSecrets = false, bool withDefaults = false)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = ConfigCommand.Show(file, new ConfigCommand.ShowOptions(json, noEnv, showSecrets, withDefaults), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Show_with_only_the_file_prints_hocon_with_secrets_masked()
    {
        var file = Write("app.conf", "a { secret = S1, b = 2 }");
        await using var show = CliProcess.Supervisor(["config", "show", file], _directory.FullName);
        Assert.Equal(0, await show.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("b = 2", show.Output);
        Assert.DoesNotContain("S1", show.Output);
    }
}
