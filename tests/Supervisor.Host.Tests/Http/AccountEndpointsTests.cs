using System.Globalization;
using System.Text.Json;
using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Journal;
using Supervisor.Actors.State;
using Supervisor.Host.Http;
using Supervisor.Venues.Events;

namespace Supervisor.Host.Tests.Http;

/// <summary>The JSON API with real data: the accounts the fixture's supervisor runs, their states and their journals.</summary>
[Collection(HttpApiCollection.Name)]
public sealed class AccountEndpointsTests(HttpApiFixture api)
{
    [Fact]
    public async Task Accounts_lists_every_account_with_venue_id_status_node_and_journal_lag_and_how_the_node_answered()
    {
        // The lags are those of the accounts' last answers, asked in the background: the first lists may lack them.
        var (status, body) = (0, default(JsonElement));
        await api.Harness.AwaitConditionAsync(async () =>
        {
            (status, body) = await api.GetAsync("/api/accounts");
            return body.GetProperty("accounts").EnumerateArray().All(a => a.GetProperty("journalLag").ValueKind == JsonValueKind.Object);
        }, "every account's journal lag");

        Assert.Equal(200, status);
        var accounts = body.GetProperty("accounts").EnumerateArray().ToList();
        Assert.Equal(api.Harness.Accounts.Select(a => (a.Venue, a.Id)).Order(), accounts.Select(a => (a.GetProperty("venue").GetString()!, a.GetProperty("id").GetString()!)));
        var node = ((ExtendedActorSystem)api.Harness.System).Provider.DefaultAddress.ToString();
        foreach (var account in accounts)
        {
            Assert.Equal("Live", account.GetProperty("status").GetString());
            Assert.Equal(node, account.GetProperty("node").GetString());
            Assert.True(account.GetProperty("events").GetInt64() > 0);
            Assert.Equal(JsonValueKind.String, account.GetProperty("lastEventAt").ValueKind);
            Assert.Equal(0, account.GetProperty("authFailures").GetInt32());
            Assert.True(account.GetProperty("journalLag").GetProperty("writes").GetInt64() > 0);
        }
        var nodes = body.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Single(nodes);
        Assert.True(nodes[0].GetProperty("answered").GetBoolean());
        Assert.Equal(4, nodes[0].GetProperty("accounts").GetInt32());
    }

    [Fact]
    public async Task An_accounts_state_is_what_its_state_actor_answers()
    {
        foreach (var account in api.Harness.Accounts)
        {
            var expected = await api.Harness.StateAsync(account);
            var (status, body) = await api.GetAsync($"/api/accounts/{account.Venue}/{account.Id}");

            Assert.Equal(200, status);
            Assert.Equal(JsonSerializer.Serialize(AccountStateView.Of(expected), ApiJson.Options), body.GetRawText());
            Assert.True(body.GetProperty("sequenceNr").GetInt64() > 0);
            Assert.NotEqual(0, body.GetProperty("assets").GetArrayLength());
        }
    }

    [Fact]
    public async Task Events_pages_follow_each_other_without_gap_or_overlap_up_to_the_last_event()
    {
        var account = api.Harness.Accounts[0];
        var last = (await api.Harness.StateAsync(account)).SequenceNr;
        var seen = new List<long>();
        var from = 1L;
        while (true)
        {
            var (status, page) = await api.GetAsync($"/api/accounts/{account.Venue}/{account.Id}/events?from={from}&limit=7");
            Assert.Equal(200, status);
            var events = page.GetProperty("events").EnumerateArray().ToList();
            Assert.True(events.Count <= 7);
            Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("type").GetString())));
            seen.AddRange(events.Select(e => e.GetProperty("seq").GetInt64()));
            var next = page.GetProperty("next").GetInt64();
            Assert.Equal(events.Count == 0 ? from : seen[^1] + 1, next);
            if (!page.GetProperty("more").GetBoolean())
            {
                break;
            }
            Assert.Equal(7, events.Count);
            from = next;
        }
        Assert.True(last >= 10, $"too few events to page: {last}");
        Assert.Equal(Enumerable.Range(1, (int)last).Select(i => (long)i), seen);

        var (_, whole) = await api.GetAsync($"/api/accounts/{account.Venue}/{account.Id}/events?limit=1000");
        Assert.Equal(seen, whole.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));
        Assert.False(whole.GetProperty("more").GetBoolean());
    }

    [Fact]
    public async Task The_state_at_a_sequence_number_equals_a_fold_of_the_first_n_events()
    {
        foreach (var account in api.Harness.Accounts)
        {
            var events = await JournalAsync(account.Venue, account.Id);
            foreach (var n in new[] { 0, 1, events.Count / 2, events.Count })
            {
                var expected = Fold(account.Id, account.Venue, events.Take(n));
                var (status, body) = await api.GetAsync($"/api/accounts/{account.Venue}/{account.Id}/state?at={n}");

                Assert.Equal(200, status);
                Assert.Equal(n, body.GetProperty("at").GetInt64());
                Assert.Equal(JsonSerializer.Serialize(AccountStateView.Of(expected), ApiJson.Options), body.GetProperty("state").GetRawText());
            }
        }
    }

    [Fact]
    public async Task The_state_at_a_timestamp_equals_a_fold_of_the_events_written_until_then()
    {
        var account = api.Harness.Accounts[1];
        var events = await JournalAsync(account.Venue, account.Id);
        foreach (var at in new[] { events[0].Timestamp.AddSeconds(-1), events[events.Count / 2].Timestamp, events[^1].Timestamp.AddMilliseconds(1) })
        {
            var expected = Fold(account.Id, account.Venue, events.Where(e => e.Timestamp <= at));
            var text = Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture));
            var (status, body) = await api.GetAsync($"/api/accounts/{account.Venue}/{account.Id}/state?at={text}");

            Assert.Equal(200, status);
            Assert.Equal(JsonSerializer.Serialize(AccountStateView.Of(expected), ApiJson.Options), body.GetProperty("state").GetRawText());
        }
    }

    [Theory]
    [InlineData("/api/accounts/coinw/nobody")]
    [InlineData("/api/accounts/coinw/nobody/events")]
    [InlineData("/api/accounts/coinw/nobody/state?at=1")]
    public async Task An_unknown_account_is_404_naming_the_id(string path)
    {
        var (status, body) = await api.GetAsync(path);
        Assert.Equal(404, status);
        Assert.StartsWith("id: no account 'nobody' is supervised on venue 'coinw'", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_unknown_venue_is_404_naming_the_venue()
    {
        var (status, body) = await api.GetAsync("/api/accounts/binance/cw0001");
        Assert.Equal(404, status);
        Assert.StartsWith("venue: ", body.GetProperty("error").GetString());
    }

    // The journal as the test reads it itself, and the fold it expects: AccountState's own Apply, event by event.
    private async Task<List<JournalEvent>> JournalAsync(string venue, string id)
    {
        var reader = new AccountJournalReader(api.Harness.System);
        var events = new List<JournalEvent>();
        await foreach (var e in reader.EventsAsync(venue, id, 1))
        {
            events.Add(e);
        }
        Assert.NotEmpty(events);
        return events;
    }

    private static AccountState Fold(string id, string venue, IEnumerable<JournalEvent> events) =>
        events.Aggregate(AccountState.Empty(id, venue), (state, e) => state.Apply((VenueEvent)e.Event) with { SequenceNr = e.SequenceNr });
}
