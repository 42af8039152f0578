using Microsoft.AspNetCore.Http;

namespace Supervisor.Host.Http;

/// <summary>
/// Lets <c>/health</c> and <c>/health/…</c> through for orchestrators, and everything else only with the token (header
/// or cookie), or <c>/</c> with the token in its query (the link the demo prints, turned into the cookie by
/// <see cref="RootPage"/>). Anything else is a 401 that says nothing about why.
/// </summary>
internal sealed class TokenMiddleware(RequestDelegate next, TokenCheck check)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/health", StringComparison.Ordinal) || check.Admits(request)
            || (request.Path == "/" && check.Matches(request.Query["token"].FirstOrDefault())))
        {
            return next(context);
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return context.Response.WriteAsJsonAsync(new ApiError("unauthorized"), ApiJson.Options);
    }
}
