namespace Supervisor.Venues.Decoding;

/// <summary>A frame that was not decoded, with a short snippet of it for the log (never the whole frame: it may hold a secret).</summary>
public sealed record DecodeError(DecodeErrorKind Kind, string Message, string Snippet);
