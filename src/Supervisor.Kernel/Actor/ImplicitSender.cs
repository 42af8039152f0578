namespace Supervisor.Kernel.Actor;

/// <summary>
/// The sender used by <see cref="ActorRefExtensions.Tell(ICanTell, object)"/> outside any actor. The TestKit sets
/// it to its test actor so replies to a test's tells come back to the test, as in Akka's TestKit.
/// </summary>
internal static class ImplicitSender
{
    private static readonly AsyncLocal<IActorRef?> s_current = new();

    public static IActorRef? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }
}
