namespace Supervisor.Venues.Rest;

/// <summary>A decoded REST response: the value, or the typed error.</summary>
public sealed record RestResult<T>(T? Value, RestError? Error)
    where T : class
{
    /// <summary>Whether <see cref="Value"/> holds the answer.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>A success.</summary>
    public static RestResult<T> Ok(T value) => new(value, null);

    /// <summary>A failure.</summary>
    public static RestResult<T> Fail(RestErrorKind kind, string message) => new(null, new RestError(kind, message));
}
