using System.Diagnostics;
using System.Globalization;
using System.Text;
using Supervisor.Actors.Hosting;

namespace Supervisor.Persistence.Tests.Crash;

/// <summary>
/// tests/Supervisor.Persistence.CrashWriter as a child process (its build output is copied to crashwriter/ beside
/// the tests): collects its "ack" lines and kills it with SIGKILL, which gives it no chance to flush or shut down.
/// </summary>
public sealed class CrashWriterProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<CrashAck> _acks = [];
    private readonly StringBuilder _stderr = new();

    private CrashWriterProcess(Process process) => _process = process;

    /// <summary>Starts a writer of <paramref name="accounts"/> accounts on <paramref name="journal"/>.</summary>
    public static CrashWriterProcess Start(JournalSettings journal, int accounts)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "crashwriter", "Supervisor.Persistence.CrashWriter.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: the test project's CopyCrashWriter target copies it there on build");
        // The SDK tells a test run which dotnet it runs on; a plain "dotnet" from PATH might be another one.
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add(journal.Engine == JournalEngine.Sqlite ? "sqlite" : "postgresql");
        info.ArgumentList.Add(journal.ConnectionString);
        info.ArgumentList.Add(accounts.ToString(CultureInfo.InvariantCulture));
        var process = new Process { StartInfo = info };
        var writer = new CrashWriterProcess(process);
        process.OutputDataReceived += (_, line) => writer.OnLine(line.Data);
        process.ErrorDataReceived += (_, line) =>
        {
            lock (writer._stderr)
            {
                writer._stderr.AppendLine(line.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return writer;
    }

    /// <summary>What the writer wrote to stderr so far (its logs), for failure messages.</summary>
    public string Errors
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> frames were acknowledged; fails if the writer exits or is too slow.</summary>
    public async Task WaitForAcksAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (AckCount < count)
        {
            Assert.False(_process.HasExited, $"the crash writer exited with {(_process.HasExited ? _process.ExitCode : 0)} after {AckCount} acks: {Errors}");
            Assert.True(DateTime.UtcNow < deadline, $"only {AckCount} of {count} acks after {timeout}: {Errors}");
            await Task.Delay(20);
        }
    }

    /// <summary>SIGKILLs the writer while it writes and returns every acknowledgement it printed before it died.</summary>
    public IReadOnlyList<CrashAck> Kill()
    {
        Assert.False(_process.HasExited, $"the crash writer stopped by itself: {Errors}");
        _process.Kill(); // SIGKILL on Unix: no finalizers, no shutdown hooks, no flush
        _process.WaitForExit(); // also drains what was already in the stdout pipe
        lock (_acks)
        {
            return [.. _acks];
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    private int AckCount
    {
        get
        {
            lock (_acks)
            {
                return _acks.Count;
            }
        }
    }

    private void OnLine(string? line)
    {
        var parts = line?.Split(' ');
        if (parts is ["ack", var pid, var frame, var seq])
        {
            lock (_acks)
            {
                _acks.Add(new CrashAck(pid, long.Parse(frame, CultureInfo.InvariantCulture), long.Parse(seq, CultureInfo.InvariantCulture)));
            }
        }
    }
}
