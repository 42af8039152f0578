using Microsoft.AspNetCore.Http;

namespace Supervisor.Host.Http;

/// <summary>The body of every 4xx/5xx the API answers: one sentence that names the parameter at fault.</summary>
/// <param name="Error">What is wrong, e.g. <c>limit must be a whole number between 1 and 1000, was '0'</c>.</param>
internal sealed record ApiError(string Error)
{
    /// <summary>A JSON error response with <paramref name="status"/>.</summary>
    public static IResult Result(int status, string error) => Results.Json(new ApiError(error), ApiJson.Options, statusCode: status);

    /// <summary>400 naming the bad parameter.</summary>
    public static IResult BadRequest(string error) => Result(StatusCodes.Status400BadRequest, error);

    /// <summary>404 for an account (or venue) that is not supervised.</summary>
    public static IResult NotFound(string error) => Result(StatusCodes.Status404NotFound, error);
}
