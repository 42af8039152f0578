using System.Diagnostics;

namespace Supervisor.Host.Tests.Cli;

/// <summary>
/// A command run as a child process, the way a user types it: its output is collected line by line, it can be waited
/// for, interrupted (SIGINT, as Ctrl-C) or killed. The variables the test host's own MSBuild and VSTest set are
/// removed, so a nested <c>dotnet</c> behaves as it does in a fresh terminal.
/// </summary>
internal sealed class CliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _lineAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CliProcess(Process process) => _process = process;

    /// <summary>Everything printed so far, stdout and stderr interleaved as they came.</summary>
    public string Output
    {
        get
        {
            lock (_lock)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <paramref name="file"/> with <paramref name="arguments"/> in <paramref name="directory"/>; <paramref name="input"/> goes to stdin, which is then closed.</summary>
    public static CliProcess Start(string file, IEnumerable<string> arguments, string directory, string? input = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var name in info.Environment.Keys.Where(IsTestHostVariable).ToList())
        {
            info.Environment.Remove(name);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => cli.Append(e.Data);
        process.ErrorDataReceived += (_, e) => cli.Append(e.Data);
        process.Exited += (_, _) => cli._exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }
        process.StandardInput.Close();
        return cli;
    }

    /// <summary>The built <c>supervisor</c> beside this test assembly, run through <c>dotnet</c>.</summary>
    public static CliProcess Supervisor(IEnumerable<string> arguments, string directory, string? input = null) =>
        Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "supervisor.dll"), .. arguments], directory, input);

    /// <summary>Waits for the exit (with the exit code) or fails with what the process printed.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        if (await Task.WhenAny(_exited.Task, Task.Delay(timeout)) != _exited.Task)
        {
            throw new TimeoutException($"{Describe()} did not exit within {timeout}:\n{Output}");
        }
        // Exited fires before the last redirected lines are read; this waits for the end of both streams.
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <summary>Waits until a printed line satisfies <paramref name="condition"/>; fails if the process exits first.</summary>
    public async Task WaitForLineAsync(Func<string, bool> condition, TimeSpan timeout)
    {
        var deadline = Task.Delay(timeout);
        while (true)
        {
            Task next;
            lock (_lock)
            {
                if (_lines.Any(condition))
                {
                    return;
                }
                next = _lineAdded.Task;
            }
            if (await Task.WhenAny(next, _exited.Task, deadline) == deadline)
            {
                throw new TimeoutException($"{Describe()} did not print the expected line within {timeout}:\n{Output}");
            }
            if (_exited.Task.IsCompleted && !next.IsCompleted)
            {
                await _process.WaitForExitAsync();
                lock (_lock)
                {
                    if (_lines.Any(condition))
                    {
                        return;
                    }
                }
                throw new InvalidOperationException($"{Describe()} exited before the expected line:\n{Output}");
            }
        }
    }

    /// <summary>Sends SIGINT, as Ctrl-C in a terminal does.</summary>
    public Task InterruptAsync() => SignalAsync("INT");

    /// <summary>Sends the signal <paramref name="name"/> (TERM, INT …) to the process.</summary>
    public async Task SignalAsync(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        await kill.WaitForExitAsync();
    }

    /// <summary>SIGKILL: the process gets no chance to clean up, as in a crash.</summary>
    public void Kill() => _process.Kill();

    public async ValueTask DisposeAsync()
    {
        if (!_exited.Task.IsCompleted)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static bool IsTestHostVariable(string name) =>
        name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase) || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase);

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        TaskCompletionSource added;
        lock (_lock)
        {
            _lines.Add(line);
            added = _lineAdded;
            _lineAdded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        added.TrySetResult();
    }

    private string Describe() => $"{_process.StartInfo.FileName} {string.Join(' ', _process.StartInfo.ArgumentList)}";
}
