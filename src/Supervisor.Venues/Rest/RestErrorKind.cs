namespace Supervisor.Venues.Rest;

/// <summary>Why a REST snapshot call gave no snapshot.</summary>
public enum RestErrorKind
{
    /// <summary>The venue's rate limit (CoinW code 29001, ChainUP HTTP 429 / 418 / 410): retry later, with backoff.</summary>
    RateLimited,

    /// <summary>Unknown key, missing permission or a timestamp outside the window (CoinW 6000 / 6003, ChainUP −2015 / −1021).</summary>
    AuthenticationFailed,

    /// <summary>The venue says the signature is wrong (CoinW 6001, ChainUP −1022).</summary>
    InvalidSignature,

    /// <summary>Any other error code from the venue.</summary>
    VenueError,

    /// <summary>The body is larger than the decoder accepts.</summary>
    TooLarge,

    /// <summary>Not JSON, or nested too deeply.</summary>
    MalformedJson,

    /// <summary>JSON of a shape the venue does not send (missing or mistyped fields).</summary>
    UnexpectedShape,
}
