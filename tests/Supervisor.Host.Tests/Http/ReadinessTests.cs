using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Supervisor.Host.Http;
using Supervisor.Host.Tests.Scenarios;

namespace Supervisor.Host.Tests.Http;

/// <summary>
/// Readiness follows the journal: when the SQLite file's folder goes away (as an unmounted volume would),
/// <c>/health/ready</c> is 503 naming the journal's connectivity check while <c>/health</c> stays 200; once the folder
/// is back, ready is 200 again and the accounts carry on.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Readiness_is_unhealthy_while_the_journal_cannot_be_reached_and_healthy_again_after()
    {
        await using var harness = await ScenarioHarness.StartAsync(2, http: new HttpSettings { Url = "http://127.0.0.1:0", Token = "t" });
        await harness.AwaitAllLiveAsync();
        using var http = new HttpClient { BaseAddress = harness.HttpUri };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        var folder = Path.GetDirectoryName(new SqliteConnectionStringBuilder(harness.Journal.ConnectionString).DataSource)!;

        Directory.Move(folder, folder + ".away");
        HttpResponseMessage ready;
        HttpResponseMessage live;
        try
        {
            ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            live = await http.GetAsync(new Uri("/health", UriKind.Relative));
        }
        finally
        {
            Directory.Move(folder + ".away", folder);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", checks["journal.connectivity"]);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        await harness.StepAndAwaitTruthAsync(3);
    }
}
