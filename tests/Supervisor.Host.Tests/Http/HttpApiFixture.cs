using System.Net.Http.Headers;
using System.Text.Json;
using Supervisor.Host.Http;
using Supervisor.Host.Tests.Scenarios;

namespace Supervisor.Host.Tests.Http;

/// <summary>
/// One running supervisor for every HTTP test class: the simulator in-process with four accounts (two CoinW, two
/// ChainUP), the real actor system on a real SQLite journal in a temp folder, and the API on Kestrel at
/// 127.0.0.1, port 0. The accounts are live and have traded a few steps (their journals hold events) before any test.
/// </summary>
public sealed class HttpApiFixture : IAsyncLifetime
{
    /// <summary>The API token of this fixture.</summary>
    public const string Token = "test-token-0123456789abcdef";

    /// <summary>Its stream cap, small so the test can reach it.</summary>
    public const int MaxStreams = 2;

    internal ScenarioHarness Harness { get; private set; } = null!;

    /// <summary>A client that sends the token as a bearer header.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>A client with no token, no cookie jar and no redirects followed.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public Uri BaseUri => Harness.HttpUri;

    public async Task InitializeAsync()
    {
        Harness = await ScenarioHarness.StartAsync(4, http: new HttpSettings
        {
            Url = "http://127.0.0.1:0",
            Token = Token,
            MaxStreams = MaxStreams,
            StreamStatusInterval = TimeSpan.FromMilliseconds(200),
        });
        await Harness.AwaitAllLiveAsync();
        await Harness.StepAndAwaitTruthAsync(6);
        Client = new HttpClient { BaseAddress = BaseUri };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        Anonymous = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = BaseUri };
    }

    /// <summary>GET <paramref name="path"/> with the token; the status and the parsed body.</summary>
    public async Task<(int Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        Anonymous?.Dispose();
        if (Harness is not null)
        {
            await Harness.DisposeAsync();
        }
    }
}

/// <summary>The HTTP test classes share one <see cref="HttpApiFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class HttpApiCollection : ICollectionFixture<HttpApiFixture>
{
    public const string Name = "http api";
}
