using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Supervisor.Venues.ChainUp;
using Supervisor.Venues.CoinW;
using Supervisor.Venues.Decoding;

namespace Supervisor.Host.Commands;

/// <summary>
/// <c>supervisor decode --venue coinw|chainup [--base64]</c>: reads captured frames from stdin, one per line, and prints
/// what we make of each as one line of JSON: the events, the control frames, or the typed error.
/// </summary>
internal static class DecodeCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Command Create()
    {
        var venue = new Option<string>("--venue") { Description = "coinw or chainup", Required = true };
        venue.AcceptOnlyFromAmong("coinw", "chainup");
        var base64 = new Option<bool>("--base64") { Description = "each line is base64 of the raw frame (needed for ChainUP's gzip frames)" };
        var command = new Command("decode", "Decode captured venue frames from stdin, one per line.") { venue, base64 };
        command.SetAction(result => Run(result.GetValue(venue)!, result.GetValue(base64), Console.In, Console.Out));
        return command;
    }

    /// <summary>Decodes every line of <paramref name="input"/>; returns 1 if any frame failed to decode.</summary>
    internal static int Run(string venue, bool base64, TextReader input, TextWriter output)
    {
        var coinw = new CoinWCodec();
        var chainup = new ChainUpCodec();
        var failures = 0;
        var lineNumber = 0;
        while (input.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            byte[] frame;
            var binary = false;
            if (base64)
            {
                try
                {
                    frame = Convert.FromBase64String(line.Trim());
                    binary = frame.Length >= 2 && frame[0] == 0x1f && frame[1] == 0x8b;
                }
                catch (FormatException)
                {
                    failures++;
                    output.WriteLine(JsonSerializer.Serialize(new { line = lineNumber, error = new { kind = "InvalidBase64", message = "the line is not base64" } }, Json));
                    continue;
                }
            }
            else
            {
                frame = System.Text.Encoding.UTF8.GetBytes(line);
            }
            var result = venue == "coinw" ? coinw.Decode(frame) : chainup.Decode(frame, binary);
            failures += result.Error is null ? 0 : 1;
            output.WriteLine(Render(lineNumber, result));
        }
        return failures == 0 ? 0 : 1;
    }

    private static string Render(int line, DecodeResult result) => JsonSerializer.Serialize(new
    {
        line,
        events = result.Events.Select(e => new { type = e.GetType().Name, value = (object)e }).ToList(),
        control = result.Control.Select(c => new { type = c.GetType().Name, value = (object)c }).ToList(),
        error = result.Error,
    }, Json);
}
