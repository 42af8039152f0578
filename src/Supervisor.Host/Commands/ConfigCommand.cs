using System.CommandLine;
using Supervisor.Configuration;

namespace Supervisor.Host.Commands;

/// <summary>
/// <c>supervisor config show [--json] [--no-env] [--show-secrets] [--with-defaults] FILE</c>: prints the fully
/// resolved configuration of FILE, or <c>file:line:column: message</c> and exit code 1 when it does not read.
/// </summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "the HOCON file to resolve" };
        var json = new Option<bool>("--json") { Description = "print JSON instead of HOCON" };
        var noEnv = new Option<bool>("--no-env") { Description = "do not fill missing substitutions from environment variables" };
        var showSecrets = new Option<bool>("--show-secrets") { Description = "print secrets (keys named like secret, api-key, token, passphrase, password) instead of ***" };
        var withDefaults = new Option<bool>("--with-defaults") { Description = "merge the built-in reference.conf below FILE, showing every effective setting" };
        var show = new Command("show", "Print the fully resolved configuration of a HOCON file.") { file, json, noEnv, showSecrets, withDefaults };
        show.SetAction(result => Show(
            result.GetValue(file)!.FullName,
            new ShowOptions(result.GetValue(json), result.GetValue(noEnv), result.GetValue(showSecrets), result.GetValue(withDefaults)),
            Console.Out,
            Console.Error));
        return new Command("config", "Inspect configuration files.") { show };
    }

    /// <summary>Resolves and prints <paramref name="path"/>; returns the exit code.</summary>
    internal static int Show(string path, ShowOptions options, TextWriter output, TextWriter error)
    {
        var hocon = options.NoEnvironment ? HoconOptions.Default.WithoutEnvironment() : HoconOptions.Default;
        try
        {
            var config = HoconLoader.FromFile(path, hocon);
            if (options.WithDefaults)
            {
                config = config.WithFallback(HoconLoader.Default());
            }
            output.Write(HoconRenderer.Render(config.Root, new HoconRenderOptions(options.Json, MaskSecrets: !options.ShowSecrets)));
            return 0;
        }
        catch (HoconException e)
        {
            error.WriteLine(e.Origin is null ? $"{path}: {e.Message}" : e.Message);
            return 1;
        }
        catch (IOException e)
        {
            error.WriteLine($"{path}: {e.Message}");
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine($"{path}: {e.Message}");
            return 1;
        }
    }

    /// <summary>The switches of <c>config show</c>.</summary>
    internal sealed record ShowOptions(bool Json, bool NoEnvironment, bool ShowSecrets, bool WithDefaults);
}
