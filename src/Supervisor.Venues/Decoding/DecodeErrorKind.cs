namespace Supervisor.Venues.Decoding;

/// <summary>Why a frame could not be decoded.</summary>
public enum DecodeErrorKind
{
    /// <summary>Larger than <see cref="DecoderLimits.MaxFrameBytes"/>.</summary>
    TooLarge,

    /// <summary>Not valid JSON (or not the text the venue sends).</summary>
    MalformedJson,

    /// <summary>Nested deeper than <see cref="DecoderLimits.MaxJsonDepth"/>.</summary>
    TooDeep,

    /// <summary>Valid JSON of a shape the venue does not send (missing or mistyped fields).</summary>
    UnexpectedShape,

    /// <summary>A gzip payload that is corrupt or inflates past <see cref="DecoderLimits.MaxDecompressedBytes"/>.</summary>
    BadCompression,
}
