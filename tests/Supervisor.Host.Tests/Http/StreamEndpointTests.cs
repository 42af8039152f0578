using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Supervisor.Host.Http;

namespace Supervisor.Host.Tests.Http;

/// <summary><c>GET /api/stream</c> over real Kestrel: every status first, then the changes; the cap on concurrent streams.</summary>
[Collection(HttpApiCollection.Name)]
public sealed class StreamEndpointTests(HttpApiFixture api)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_stream_sends_every_accounts_status_then_the_state_that_changes()
    {
        await NoStreamsAsync();
        using var timeout = new CancellationTokenSource(Wait);
        using var response = await api.Client.GetAsync(new Uri("/api/stream", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var statuses = new HashSet<string>();
        while (statuses.Count < api.Harness.Accounts.Count)
        {
            var (name, data) = await NextEventAsync(reader, timeout.Token);
            if (name == "status")
            {
                statuses.Add(data.GetProperty("venue").GetString() + "/" + data.GetProperty("id").GetString());
            }
        }
        Assert.Equal(api.Harness.Accounts.Select(a => a.Venue + "/" + a.Id).Order(), statuses.Order());

        var account = api.Harness.Accounts[0];
        var before = (await api.Harness.StateAsync(account)).SequenceNr;
        api.Harness.Simulator.Step();
        while (true)
        {
            var (name, data) = await NextEventAsync(reader, timeout.Token);
            if (name == "state" && data.GetProperty("id").GetString() == account.Id && data.GetProperty("sequenceNr").GetInt64() > before)
            {
                Assert.Equal(account.Venue, data.GetProperty("venue").GetString());
                break;
            }
        }
    }

    [Fact]
    public async Task Past_the_cap_a_new_stream_is_refused_with_429_naming_the_setting()
    {
        await NoStreamsAsync();
        var open = new List<HttpResponseMessage>();
        try
        {
            for (var i = 0; i < HttpApiFixture.MaxStreams; i++)
            {
                var response = await api.Client.GetAsync(new Uri("/api/stream", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
                open.Add(response);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            using var refused = await api.Client.GetAsync(new Uri("/api/stream", UriKind.Relative));

            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
            Assert.Contains("supervisor.http.max-streams is 2", error);
        }
        finally
        {
            open.ForEach(r => r.Dispose());
        }
        await NoStreamsAsync();
        var (status, _) = await api.GetAsync("/api/accounts");
        Assert.Equal(200, status);
    }

    // A stream closed by the client is noticed by the server a moment later.
    private async Task NoStreamsAsync()
    {
        var hub = api.Harness.Services.GetRequiredService<StreamHub>();
        await api.Harness.AwaitConditionAsync(() => Task.FromResult(hub.Count == 0), "every stream closed");
    }

    private static async Task<(string Name, JsonElement Data)> NextEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? name = null;
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("the stream ended");
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && name is not null)
            {
                return (name, JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone());
            }
        }
    }
}
