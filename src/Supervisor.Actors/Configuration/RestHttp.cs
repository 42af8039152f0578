namespace Supervisor.Actors.Configuration;

/// <summary>The one HTTP client every account's REST snapshots share (pooled connections, renewed for DNS changes).</summary>
internal static class RestHttp
{
    public static HttpClient Shared { get; } = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };
}
