namespace Supervisor.Venues.Decoding;

/// <summary>Limits that protect the process from hostile frames (supervisor.venues.decoder.*).</summary>
public sealed record DecoderLimits
{
    /// <summary>The defaults.</summary>
    public static DecoderLimits Default { get; } = new();

    /// <summary>The largest frame decoded (supervisor.venues.decoder.max-frame-bytes).</summary>
    public int MaxFrameBytes { get; init; } = 1024 * 1024;

    /// <summary>The largest gzip payload after inflating (supervisor.venues.decoder.max-decompressed-bytes).</summary>
    public int MaxDecompressedBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>The deepest JSON nesting accepted (supervisor.venues.decoder.max-json-depth).</summary>
    public int MaxJsonDepth { get; init; } = 32;
}
