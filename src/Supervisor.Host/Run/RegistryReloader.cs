using Supervisor.Actors.Accounts;
using Supervisor.Actors.Configuration;
using Akka.Actor;
using Supervisor.Configuration;

namespace Supervisor.Host.Run;

/// <summary>
/// Follows the configuration file of <c>supervisor run</c>: when it changes, the registry is read again and applied
/// without a restart — new accounts start, removed ones stop (their journals stay), and accounts whose endpoint,
/// broker or credentials changed are replaced (stopped, then started with the new definition; state recovers from
/// the journal and reconciles). A file with problems changes nothing: they are printed and the running accounts go on.
/// Only the registry is reloaded; other settings take effect at the next start. The file the registry comes from is
/// followed too when it is another one (cluster.conf includes accounts.conf).
/// </summary>
internal sealed class RegistryReloader
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);
    private readonly string _configFile;
    private readonly CredentialSource _credentials;
    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly Dictionary<string, AccountDefinition> _running;
    private string? _registryFile;
    private string _applied;
    private string _seen;

    public RegistryReloader(string configFile, HoconConfig config, CredentialSource credentials, IEnumerable<AccountDefinition> running, TextWriter output, TextWriter error)
    {
        _configFile = configFile;
        _registryFile = RegistryFileOf(config);
        _credentials = credentials;
        _output = output;
        _error = error;
        _running = running.ToDictionary(d => d.ActorName, StringComparer.Ordinal);
        _applied = _seen = Stamp();
    }

    /// <summary>Checks the file every <paramref name="interval"/> until cancelled.</summary>
    public async Task WatchAsync(IActorRef root, TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(interval, cancellationToken);
                await CheckAsync(root, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }

    /// <summary>Applies the registry if the file changed and has stayed the same since the previous check.</summary>
    public async Task CheckAsync(IActorRef root, CancellationToken cancellationToken)
    {
        // An editor or a deploy tool may still be writing: a change is read only once it has held for one interval.
        var stamp = Stamp();
        if (stamp != _seen)
        {
            _seen = stamp;
            return;
        }
        if (stamp == _applied)
        {
            return;
        }
        _applied = stamp;
        SupervisorConfiguration next;
        try
        {
            next = SupervisorConfiguration.Read(HoconLoader.FromFile(_configFile), _credentials);
        }
        catch (SupervisorConfigurationException e)
        {
            Refused(e.Problems);
            return;
        }
        catch (Exception e) when (e is HoconException or ArgumentException or IOException)
        {
            Refused([e.Message]);
            return;
        }
        _registryFile = RegistryFileOf(next.Config);
        _applied = _seen = Stamp();
        var wanted = next.AccountDefinitions.ToDictionary(d => d.ActorName, StringComparer.Ordinal);
        var changes = new List<string>();
        foreach (var name in _running.Keys.Except(wanted.Keys).ToList())
        {
            var gone = _running[name];
            await root.Ask<AccountRemoved>(new RemoveAccount(gone.Venue, gone.Id), AskTimeout, cancellationToken);
            _running.Remove(name);
            changes.Add($"removed {gone.Venue}/{gone.Id}");
        }
        foreach (var (name, definition) in wanted)
        {
            var known = _running.GetValueOrDefault(name);
            if (known is not null && known.Fingerprint == definition.Fingerprint)
            {
                continue;
            }
            object request = known is null ? new AddAccount(definition) : new ReplaceAccount(definition);
            var reply = await root.Ask<object>(request, AskTimeout, cancellationToken);
            if (reply is AccountRejected rejected)
            {
                changes.Add($"could not start {definition.Venue}/{definition.Id}: {rejected.Reason}");
                continue;
            }
            _running[name] = definition;
            changes.Add(known is null ? $"added {definition.Venue}/{definition.Id}" : $"replaced {definition.Venue}/{definition.Id} (endpoint, broker or credentials changed)");
        }
        _output.WriteLine(changes.Count == 0
            ? $"config: {_configFile} changed; the registry is the same ({_running.Count} accounts)"
            : $"config: {_configFile} reloaded: {string.Join("; ", changes)}; {_running.Count} accounts");
    }

    private void Refused(IReadOnlyList<string> problems)
    {
        _error.WriteLine($"config: {_configFile} changed but has {problems.Count} problem(s); the {_running.Count} running accounts go on unchanged:");
        foreach (var problem in problems)
        {
            _error.WriteLine("  " + problem);
        }
    }

    // Written time and length of each followed file: a change to either shows.
    private string Stamp() => string.Join(';', new[] { _configFile, _registryFile }.OfType<string>().Distinct().Select(path =>
    {
        var file = new FileInfo(path);
        return file.Exists ? $"{file.LastWriteTimeUtc.Ticks}:{file.Length}" : "none";
    }));

    private static string? RegistryFileOf(HoconConfig config) =>
        config.GetValue("supervisor.registry")?.Origin.Source is { } source && File.Exists(source) ? Path.GetFullPath(source) : null;
}
