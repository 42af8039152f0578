using System.Diagnostics;
using LinqToDB.Data;

namespace Supervisor.Benchmarks.Persistence;

/// <summary>
/// Counts the transactions Akka.Persistence.Sql commits, through linq2db's global trace hook (the product's
/// <c>DataOptions</c> set no trace handler of their own, so the default one sees every connection). Rows per commit
/// is how well the journal batches: the reason SQLite needs the product's <c>SqliteWriteBatching</c> interceptor.
/// </summary>
internal static class CommitCounter
{
    private static long _commits;

    public static long Commits => Interlocked.Read(ref _commits);

    /// <summary>Call before the actor system opens its first connection. Costs one delegate call per linq2db operation.</summary>
    public static void Install()
    {
        DataConnection.TurnTraceSwitchOn(TraceLevel.Info);
        DataConnection.DefaultOnTraceConnection = info =>
        {
            if (info.Operation == TraceOperation.CommitTransaction && info.TraceInfoStep == TraceInfoStep.AfterExecute)
            {
                Interlocked.Increment(ref _commits);
            }
        };
    }
}
