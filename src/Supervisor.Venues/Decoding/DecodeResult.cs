using Supervisor.Venues.Events;

namespace Supervisor.Venues.Decoding;

/// <summary>What one frame decoded to: control frames, normalized events (several per frame), or an error. Never an exception.</summary>
public sealed record DecodeResult(IReadOnlyList<ControlFrame> Control, IReadOnlyList<VenueEvent> Events, DecodeError? Error)
{
    /// <summary>A well-formed frame that carries nothing we model.</summary>
    public static DecodeResult Nothing { get; } = new([], [], null);

    /// <summary>One control frame.</summary>
    public static DecodeResult Of(ControlFrame control) => new([control], [], null);

    /// <summary>Events.</summary>
    public static DecodeResult Of(IReadOnlyList<VenueEvent> events) => new([], events, null);

    /// <summary>A failure.</summary>
    public static DecodeResult Failed(DecodeErrorKind kind, string message, ReadOnlySpan<byte> frame) =>
        new([], [], new DecodeError(kind, message, Snippet(frame)));

    private static string Snippet(ReadOnlySpan<byte> frame)
    {
        const int max = 120;
        var text = System.Text.Encoding.UTF8.GetString(frame[..Math.Min(frame.Length, max)]);
        return frame.Length > max ? text + "…" : text;
    }
}
