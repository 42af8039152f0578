using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Supervisor.Host.Http;
using Supervisor.Host.Tests.Cli;

namespace Supervisor.Host.Tests.Http;

/// <summary>The demo's API: a one-time token printed as a dashboard link, and a free port when the default one is taken.</summary>
public sealed partial class DemoHttpTests
{
    [Fact]
    public async Task The_demo_prints_a_dashboard_link_with_a_one_time_token_that_logs_a_browser_in_and_ends_as_before()
    {
        var directory = Directory.CreateTempSubdirectory("supervisor-demo-http-");
        try
        {
            await using var demo = CliProcess.Supervisor(["demo", "--accounts", "2", "--duration", "4s", "--http", "http://127.0.0.1:0"], directory.FullName);
            await demo.WaitForLineAsync(l => l.StartsWith("dashboard: ", StringComparison.Ordinal), TimeSpan.FromMinutes(1));
            var link = DashboardLine().Match(demo.Output);
            Assert.True(link.Success, demo.Output);
            Assert.Matches(@"^http: listening on " + Regex.Escape(link.Groups["url"].Value) + "$", demo.Output.Split('\n').First(l => l.StartsWith("http: ", StringComparison.Ordinal)));

            using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true, CookieContainer = new CookieContainer() });
            using var page = await browser.GetAsync(new Uri(link.Value["dashboard: ".Length..]));
            var accounts = await browser.GetStringAsync(new Uri(new Uri(link.Groups["url"].Value), "/api/accounts"));
            using var anonymous = await new HttpClient().GetAsync(new Uri(new Uri(link.Groups["url"].Value), "/api/accounts"));

            Assert.Equal(0, await demo.WaitForExitAsync(TimeSpan.FromMinutes(2)));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("/", page.RequestMessage!.RequestUri!.PathAndQuery);
            Assert.Contains("\"id\":\"cw0001\"", accounts);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Matches(@"RESULT: 2/2 accounts equal to the simulator's ground truth\.\s*$", demo.Output);
            // 256 random bits, base64url: a token no two runs share.
            Assert.Equal(43, link.Groups["token"].Value.Length);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void When_the_default_port_is_taken_the_demo_listens_on_a_free_one_and_says_so()
    {
        // Held by this test, or already by someone else on this machine: taken either way.
        TcpListener? holder = new(IPAddress.Loopback, 8080);
        try
        {
            holder.Start();
        }
        catch (SocketException)
        {
            holder = null;
        }
        try
        {
            var output = new StringWriter();
            var settings = DemoHttp.Create(null, output, new StringWriter());

            Assert.Equal("http://127.0.0.1:0", settings!.Url);
            Assert.Contains("http: http://127.0.0.1:8080 is in use; listening on a free port instead", output.ToString());
            Assert.Equal(43, settings.Token!.Length);
            Assert.NotEqual(settings.Token, DemoHttp.Create(null, new StringWriter(), new StringWriter())!.Token);
        }
        finally
        {
            holder?.Stop();
        }
    }

    [GeneratedRegex(@"^dashboard: (?<url>http://127\.0\.0\.1:\d+)/\?token=(?<token>[A-Za-z0-9_-]+)$", RegexOptions.Multiline)]
    private static partial Regex DashboardLine();
}
