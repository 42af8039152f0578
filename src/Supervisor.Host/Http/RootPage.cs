using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Supervisor.Host.Http;

/// <summary>
/// <c>GET /</c>. With <c>?token=…</c> (the link the demo prints; <see cref="TokenMiddleware"/> has checked it) it sets
/// the token as an HttpOnly, SameSite=Strict cookie and redirects to <c>/</c> without it, so the token leaves the
/// address bar and the history, and the page's requests and EventSource are authenticated by the cookie. Without it,
/// a placeholder: the dashboard page is not built yet.
/// </summary>
internal static class RootPage
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/", Serve);

    private static IResult Serve(HttpRequest request, HttpResponse response)
    {
        if (request.Query.TryGetValue("token", out var token))
        {
            response.Cookies.Append(TokenCheck.CookieName, token.ToString(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = request.IsHttps,
                Path = "/",
                IsEssential = true,
            });
            return Results.Redirect("/");
        }
        return Results.Text("Supervisor: the JSON API is under /api (docs/api.md): /api/accounts, /api/stream. The dashboard page is not built yet.\n", "text/plain; charset=utf-8");
    }
}
