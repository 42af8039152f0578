using System.Diagnostics.CodeAnalysis;

namespace Supervisor.Kernel.Actor;

/// <summary>Throws kept out of hot paths so those stay small enough to inline.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowNullMessage() =>
        throw new ArgumentNullException("message", "A message must not be null (Akka: InvalidMessageException).");
}
