using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Supervisor.Host.Http;

/// <summary>
/// <c>GET /api/stream</c>: server-sent events for the dashboard. First a <c>status</c> event for every account, then
/// <c>status</c> events for statuses that changed and <c>state</c> events for states that changed, and a comment line
/// every 15 s of silence (so a proxy keeps the connection and a gone client is noticed). A client that falls too far
/// behind gets a final <c>dropped</c> event and the response ends; past <see cref="HttpSettings.MaxStreams"/> a new one gets 429.
/// </summary>
internal static class StreamEndpoint
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/stream", StreamAsync);

    private static async Task StreamAsync(HttpContext context, StreamHub hub, AccountStatusQuery query, HttpSettings settings)
    {
        var response = context.Response;
        var client = hub.TryJoin();
        if (client is null)
        {
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.RetryAfter = "5";
            await response.WriteAsJsonAsync(new ApiError($"too many concurrent streams: supervisor.http.max-streams is {settings.MaxStreams}; close one or try again later"), ApiJson.Options);
            return;
        }
        var cancellationToken = context.RequestAborted;
        try
        {
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            // A reverse proxy must not buffer the stream (nginx honours this header).
            response.Headers["X-Accel-Buffering"] = "no";
            foreach (var account in (await query.AskAsync(cancellationToken)).Accounts)
            {
                await WriteAsync(response, "status", AccountStatusView.Of(account, null), cancellationToken);
            }
            await response.Body.FlushAsync(cancellationToken);
            while (await NextAsync(client, response, cancellationToken))
            {
                while (client.TryRead(out var item))
                {
                    await WriteAsync(response, item!.Event, item.View, cancellationToken);
                }
                await response.Body.FlushAsync(cancellationToken);
            }
            if (client.Dropped)
            {
                await WriteAsync(response, "dropped", new ApiError($"this stream fell more than {settings.StreamBuffer} accounts behind (supervisor.http.stream-buffer) and was closed; reconnect"), cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
        finally
        {
            hub.Leave(client);
        }
    }

    // Waits for the next items; on silence writes a keep-alive comment and waits again. False: dropped and drained.
    private static async Task<bool> NextAsync(StreamClient client, HttpResponse response, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var silence = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            silence.CancelAfter(KeepAlive);
            try
            {
                return await client.WaitToReadAsync(silence.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await response.WriteAsync(": keep-alive\n\n", cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
            }
        }
    }

    private static Task WriteAsync(HttpResponse response, string name, object data, CancellationToken cancellationToken) =>
        // Compact JSON has no line breaks, so one data: line carries it.
        response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, ApiJson.Options)}\n\n", Encoding.UTF8, cancellationToken);
}
