using System.Text.Json;

namespace Supervisor.Host.Tests.Http;

/// <summary>Odd, huge, negative, malformed and out-of-range input: a clear 4xx that names the parameter, and nothing breaks.</summary>
[Collection(HttpApiCollection.Name)]
public sealed class HostileInputTests(HttpApiFixture api)
{
    private const string Events = "/api/accounts/coinw/cw0001/events";
    private const string State = "/api/accounts/coinw/cw0001/state";

    [Theory]
    [InlineData(Events + "?from=0", "from")]
    [InlineData(Events + "?from=-1", "from")]
    [InlineData(Events + "?from=abc", "from")]
    [InlineData(Events + "?from=1.5", "from")]
    [InlineData(Events + "?from=99999999999999999999999", "from")]
    [InlineData(Events + "?from=1&from=2", "from")]
    [InlineData(Events + "?limit=0", "limit")]
    [InlineData(Events + "?limit=-5", "limit")]
    [InlineData(Events + "?limit=1001", "limit")]
    [InlineData(Events + "?limit=1e3", "limit")]
    [InlineData(Events + "?limit=", "limit")]
    [InlineData(State, "at")]
    [InlineData(State + "?at=", "at")]
    [InlineData(State + "?at=-1", "at")]
    [InlineData(State + "?at=yesterday", "at")]
    [InlineData(State + "?at=2026-13-45T99:00:00Z", "at")]
    [InlineData(State + "?at=99999999999999999999999", "at")]
    [InlineData(State + "?at=9999-12-31T00:00:00Z", "at")]
    [InlineData(State + "?at=1&at=2", "at")]
    [InlineData(State + "?at=999999999", "at")]
    [InlineData("/api/accounts/coinw/" + "a123456789b123456789c123456789d123456789e123456789f123456789g12345", "id")]
    [InlineData("/api/accounts/coinw/a%20b", "id")]
    [InlineData("/api/accounts/coinw/-x", "id")]
    [InlineData("/api/accounts/coinw/%C3%A9t%C3%A9", "id")]
    [InlineData("/api/accounts/coinw/a%0A", "id")]
    [InlineData("/api/accounts/CoinW/cw0001", "venue")]
    [InlineData("/api/accounts/co%2Finw/cw0001/state?at=1", "venue")]
    [InlineData("/api/accounts/" + "v123456789v123456789v123456789v12/cw0001", "venue")]
    public async Task Bad_parameters_are_a_400_whose_error_names_the_parameter(string path, string parameter)
    {
        var (status, body) = await api.GetAsync(path);

        Assert.Equal(400, status);
        var error = body.GetProperty("error").GetString()!;
        Assert.StartsWith(parameter, error);
        Assert.True(error.Length < 300, error);
        await StillWorksAsync();
    }

    [Fact]
    public async Task A_from_past_the_end_is_an_empty_page_whose_next_is_the_same_from()
    {
        var (status, body) = await api.GetAsync(Events + "?from=9223372036854775807&limit=1000");

        Assert.Equal(200, status);
        Assert.Equal(0, body.GetProperty("events").GetArrayLength());
        Assert.Equal(long.MaxValue, body.GetProperty("next").GetInt64());
        Assert.False(body.GetProperty("more").GetBoolean());
    }

    [Fact]
    public async Task Very_long_paths_and_queries_are_refused_and_nothing_breaks()
    {
        // Kestrel refuses these itself (414, 431, or 400 for a NUL in the path) before any endpoint runs.
        foreach (var path in new[] { "/api/accounts/coinw/" + new string('a', 20_000), Events + "?from=" + new string('9', 20_000), "/api/accounts/coinw/a%00b/events" })
        {
            using var response = await api.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.InRange((int)response.StatusCode, 400, 499);
        }
        await StillWorksAsync();
    }

    [Fact]
    public async Task A_flood_of_unknown_ids_is_answered_404_and_costs_no_actor_an_ask()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => api.GetAsync($"/api/accounts/coinw/ghost{i}/events")));

        Assert.All(answers, a => Assert.Equal(404, a.Status));
        await StillWorksAsync();
    }

    private async Task StillWorksAsync()
    {
        var (status, body) = await api.GetAsync("/api/accounts");
        Assert.Equal(200, status);
        Assert.Equal(4, body.GetProperty("accounts").GetArrayLength());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("nodes").ValueKind);
    }
}
