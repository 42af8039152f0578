using Supervisor.Host.Tests.Cli;
using System.IO.Compression;
using System.Text.Json;
using Supervisor.Host.Commands;

namespace Supervisor.Host.Tests.Commands;

public sealed class DecodeCommandTests
{
    private static (int Exit, string[] Lines) Run(string venue, bool base64, params string[] input)
    {
        var output = new StringWriter();
        var exit = DecodeCommand.Run(venue, base64, new StringReader(string.Join('\n', input)), output);
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void CoinW_lines_print_one_json_object_each()
    {
        var (exit, lines) = Run("coinw", false,
            """{"event":"pong"}""",
            """{"biz":"futures","pairCode":"btc","data":{"p":86470.0,"t":1,"n":"btc"},"type":"mark_price"}""");
        Assert.Equal(0, exit);
        Assert.Equal(2, lines.Length);
        Assert.Equal("Pong", JsonDocument.Parse(lines[0]).RootElement.GetProperty("control")[0].GetProperty("type").GetString());
        var mark = JsonDocument.Parse(lines[1]).RootElement.GetProperty("events")[0];
        Assert.Equal("MarkPriceChanged", mark.GetProperty("type").GetString());
        Assert.Equal(86470.0m, mark.GetProperty("value").GetProperty("Price").GetDecimal());
    }

    [Fact]
    public void ChainUp_gzip_frames_are_read_as_base64()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write("""{"channel":"SYSTEM","uid":2001,"et":"close"}"""u8);
        }
        var (exit, lines) = Run("chainup", true, Convert.ToBase64String(buffer.ToArray()), Convert.ToBase64String("connect success"u8.ToArray()));
        Assert.Equal(0, exit);
        Assert.Contains("Shutdown", lines[0]);
        Assert.Contains("Greeting", lines[1]);
    }

    [Fact]
    public void Bad_lines_print_typed_errors_and_exit_non_zero()
    {
        var (exit, lines) = Run("coinw", false, "not json", """{"type":"order","data":[{}]}""");
        Assert.Equal(1, exit);
        Assert.Contains("MalformedJson", lines[0]);
        Assert.Contains("UnexpectedShape", lines[1]);
        var (base64Exit, base64Lines) = Run("chainup", true, "%%%");
        Assert.Equal(1, base64Exit);
        Assert.Contains("InvalidBase64", base64Lines[0]);
    }

    [Fact]
    public void The_command_line_rejects_an_unknown_venue()
    {
        var parse = Program.BuildRoot().Parse(["decode", "--venue", "binance"]);
        Assert.Contains(parse.Errors, e => e.Message.Contains("binance", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_only_the_venue_it_reads_plain_lines_from_stdin()
    {
        await using var decode = CliProcess.Supervisor(["decode", "--venue", "coinw"], Path.GetTempPath(), input: "{\"event\":\"pong\"}\n");
        Assert.Equal(0, await decode.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("Pong", decode.Output);
    }
}
