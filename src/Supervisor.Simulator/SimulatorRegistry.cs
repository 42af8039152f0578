using System.Globalization;
using System.Text;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator;

/// <summary>
/// The supervisor's registry (<c>supervisor.registry</c>, hocon/reference.conf) for the simulator's accounts, as a HOCON
/// file a supervisor can include: what the docker-compose cluster's nodes read as <c>accounts.conf</c>.
/// </summary>
public static class SimulatorRegistry
{
    /// <summary>The file's text: a comment saying whose credentials these are, then one registry entry per account.</summary>
    public static string Render(IEnumerable<SimAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var text = new StringBuilder();
        text.Append("# Written by the exchange simulator (src/Supervisor.Simulator, --registry-file) for the accounts it serves.\n");
        text.Append("# These are the simulator's generated TEST credentials, valid against the simulator only, so they are written\n");
        text.Append("# in plain text here. Real accounts never are: give their api-key and secret as { env = NAME } or\n");
        text.Append("# { file = PATH } (hocon/reference.conf, supervisor.registry).\n");
        text.Append("supervisor.registry = [\n");
        foreach (var account in accounts)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  {{ id = {Quote(account.Id)}, venue = {Quote(account.Venue)}, api-key = {Quote(account.ApiKey)}, secret = {Quote(account.Secret)}");
            if (account.IsChainUp)
            {
                text.Append(CultureInfo.InvariantCulture, $", broker = {account.Broker}");
            }
            text.Append(" }\n");
        }
        text.Append("]\n");
        return text.ToString();
    }

    /// <summary>
    /// Writes <see cref="Render"/> to <paramref name="path"/> (creating its folder), through a temporary file beside it
    /// that is then moved over the target, so a reader never sees half a registry.
    /// </summary>
    /// <exception cref="IOException">The file or its folder cannot be written (also for a path that is a folder).</exception>
    /// <exception cref="UnauthorizedAccessException">No permission to write there.</exception>
    public static void Write(string path, IEnumerable<SimAccount> accounts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw new IOException($"{fullPath} is a folder");
        }
        var folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temporary, Render(accounts), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    // A HOCON quoted string (JSON's escapes).
    private static string Quote(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }
}
