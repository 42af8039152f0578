namespace Supervisor.Kernel.Actor;

/// <summary>Actor name rules (Akka's): URI path characters, not empty, no leading <c>$</c> (reserved for generated names).</summary>
internal static class ActorNames
{
    private const string Allowed = "-_.*$+:@&=,!~';";

    public static void Validate(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new InvalidActorNameException("An actor name must not be empty.");
        }
        if (name[0] == '$')
        {
            throw new InvalidActorNameException($"Actor name [{name}] must not start with '$' (reserved for generated names).");
        }
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || Allowed.Contains(c)))
            {
                throw new InvalidActorNameException(
                    $"Actor name [{name}] contains '{c}'; allowed are ASCII letters, digits and {Allowed}.");
            }
        }
    }

    /// <summary>A short base-36 encoding for generated names.</summary>
    public static string Encode(long value)
    {
        const string digits = "abcdefghijklmnopqrstuvwxyz0123456789";
        Span<char> buffer = stackalloc char[16];
        var pos = buffer.Length;
        do
        {
            buffer[--pos] = digits[(int)(value % 36)];
            value /= 36;
        }
        while (value > 0);
        return new string(buffer[pos..]);
    }
}
