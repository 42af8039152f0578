using System.Diagnostics;
using System.Globalization;

namespace Supervisor.Benchmarks.Persistence;

/// <summary>
/// Prints one line per invocation: events/s, process CPU per event (user + kernel, all threads of this process; a
/// PostgreSQL server's own CPU is not in it) and, for the journal, rows per commit. BenchmarkDotNet's summary gives
/// the times; these lines give what it cannot (CPU, batch fill). The first line of a run is the jitting invocation.
/// </summary>
internal sealed class RunMeter
{
    private readonly string _label;
    private readonly long _events;
    private readonly TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long _commits = CommitCounter.Commits;
    private readonly Stopwatch _wall = Stopwatch.StartNew();

    private RunMeter(string label, long events)
    {
        _label = label;
        _events = events;
    }

    public static RunMeter Start(string label, long events) => new(label, events);

    public void Stop(bool countCommits)
    {
        var wall = _wall.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpu;
        var commits = CommitCounter.Commits - _commits;
        var batches = countCommits ? string.Create(CultureInfo.InvariantCulture, $", {commits} commits = {(double)_events / Math.Max(1, commits):F1} rows/commit") : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// measured {_label}: {_events} events in {wall.TotalSeconds:F3} s = {_events / wall.TotalSeconds:F0} ev/s, cpu {cpu.TotalMicroseconds / _events:F1} us/event{batches}"));
    }
}
