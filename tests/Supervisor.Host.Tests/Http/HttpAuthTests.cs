using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Supervisor.Host.Tests.Http;

/// <summary>The token on every endpoint but /health*, the cookie the demo's link sets, and the health endpoints, on real Kestrel.</summary>
[Collection(HttpApiCollection.Name)]
public sealed class HttpAuthTests(HttpApiFixture api)
{
    [Fact]
    public async Task Liveness_and_readiness_answer_without_a_token_with_each_checks_status()
    {
        using var live = await api.Anonymous.GetAsync(new Uri("/health", UriKind.Relative));
        using var ready = await api.Anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var liveBody = JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", liveBody.GetProperty("status").GetString());
        Assert.Equal(["akka.actorsystem"], liveBody.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var readyBody = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", readyBody.GetProperty("status").GetString());
        var checks = readyBody.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["akka.actorsystem"]);
        Assert.Equal("Healthy", checks["akka.persistence.journal.sql"]);
        Assert.Equal("Healthy", checks["journal.connectivity"]);
    }

    [Theory]
    [InlineData("/api/accounts")]
    [InlineData("/api/accounts/coinw/cw0001")]
    [InlineData("/api/accounts/coinw/cw0001/events")]
    [InlineData("/api/accounts/nowhere/nobody/state?at=1")]
    [InlineData("/api/stream")]
    [InlineData("/")]
    [InlineData("/?token=wrong")]
    [InlineData("/no/such/page")]
    [InlineData("/metrics")]
    public async Task Without_the_token_every_endpoint_but_health_is_401_and_says_nothing(string path)
    {
        foreach (var request in Requests(path))
        {
            using var response = await api.Anonymous.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("""{"error":"unauthorized"}""", await response.Content.ReadAsStringAsync());
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
    }

    // No token, a wrong bearer, a bearer of the right length but one character off, a wrong cookie, another scheme.
    private static IEnumerable<HttpRequestMessage> Requests(string path)
    {
        HttpRequestMessage Get() => new(HttpMethod.Get, new Uri(path, UriKind.Relative));
        yield return Get();
        var wrong = Get();
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "nope");
        yield return wrong;
        var almost = Get();
        almost.Headers.Authorization = new AuthenticationHeaderValue("Bearer", HttpApiFixture.Token[..^1] + "X");
        yield return almost;
        var cookie = Get();
        cookie.Headers.Add("Cookie", "supervisor_token=nope");
        yield return cookie;
        var basic = Get();
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", HttpApiFixture.Token);
        yield return basic;
    }

    [Fact]
    public void Config_show_masks_the_token()
    {
        var file = Path.Combine(Path.GetTempPath(), $"http-token-{Guid.NewGuid():N}.conf");
        File.WriteAllText(file, "supervisor.http.token = \"never-printed-7f3a\"\n");
        try
        {
            var output = new StringWriter();
            Assert.Equal(0, Supervisor.Host.Commands.ConfigCommand.Show(file, new Supervisor.Host.Commands.ConfigCommand.ShowOptions(Json: false, NoEnvironment: true, ShowSecrets: false, WithDefaults: true), output, new StringWriter()));
            Assert.DoesNotContain("never-printed-7f3a", output.ToString());
            Assert.Contains("token = \"***\"", output.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_right_bearer_token_is_admitted()
    {
        var (status, body) = await api.GetAsync("/api/accounts");
        Assert.Equal(200, status);
        Assert.Equal(4, body.GetProperty("accounts").GetArrayLength());
    }

    [Fact]
    public async Task With_the_token_metrics_are_served_in_prometheus_text_with_the_node_tag()
    {
        using var response = await api.Client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE supervisor_frames_received_total counter", text);
        Assert.Contains("supervisor_accounts{", text);
        Assert.Contains($"node=\"{Environment.MachineName}\"", text);
    }

    [Fact]
    public async Task The_token_link_sets_an_http_only_strict_cookie_and_redirects_to_the_page_without_it_and_the_cookie_admits_the_api()
    {
        using var link = await api.Anonymous.GetAsync(new Uri($"/?token={HttpApiFixture.Token}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        Assert.Equal("/", link.Headers.Location!.OriginalString);
        var setCookie = link.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith($"supervisor_token={HttpApiFixture.Token};", setCookie);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", setCookie, StringComparison.OrdinalIgnoreCase);

        var cookie = setCookie.Split(';')[0];
        foreach (var path in new[] { "/", "/api/accounts" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.Add("Cookie", cookie);
            using var response = await api.Anonymous.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
