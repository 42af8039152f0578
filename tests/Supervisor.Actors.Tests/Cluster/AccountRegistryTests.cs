using Supervisor.Actors.Accounts;
using Supervisor.Actors.Cluster;
using Supervisor.Actors.Protocol;
using Supervisor.Actors.Tests.Connection;

namespace Supervisor.Actors.Tests.Cluster;

/// <summary>A node's registry: lookup by entity id <c>{venue}|{id}</c>, and the run-time changes <see cref="NodeAccounts"/> makes.</summary>
public sealed class AccountRegistryTests
{
    private static readonly Uri Venue = new("ws://127.0.0.1:1/");

    private static AccountDefinition Scripted(string id, string fingerprint = "v1") => new(id, new ScriptedProtocol(Venue)) { Fingerprint = fingerprint };

    private static AccountDefinition CoinW(string id) => new(id, new CoinWProtocol(Venue, new ApiCredentials("k", "s")));

    [Fact]
    public void An_account_is_found_by_its_entity_id_venue_first_and_by_nothing_else()
    {
        var a1 = Scripted("a1");
        var registry = new AccountRegistry([a1]);

        Assert.Same(a1, registry.Find("scripted|a1"));
        Assert.Same(a1, registry.Find(AccountEnvelope.EntityIdFor("scripted", "a1")));
        Assert.Null(registry.Find("a1"));
        Assert.Null(registry.Find("a1|scripted"));
        Assert.Null(registry.Find("Scripted|a1"));
        Assert.Null(registry.Find("scripted|A1"));
        Assert.Null(registry.Find("scripted|a1 "));
        Assert.Null(registry.Find(""));
        Assert.Equal([a1], registry.Accounts);
    }

    [Fact]
    public void The_same_id_on_two_venues_is_two_accounts()
    {
        var scripted = Scripted("a1");
        var coinw = CoinW("a1");

        var registry = new AccountRegistry([scripted, coinw]);

        Assert.Same(scripted, registry.Find("scripted|a1"));
        Assert.Same(coinw, registry.Find("coinw|a1"));
        Assert.Equal(2, registry.Accounts.Count);
    }

    [Fact]
    public void A_registry_made_with_one_account_twice_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new AccountRegistry([Scripted("a1"), Scripted("a1", "v2")]));

        Assert.Contains("Account a1 on scripted is registered twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_an_account_that_is_registered_already_is_false_and_keeps_the_first_definition()
    {
        var registry = new AccountRegistry([]);
        var first = Scripted("a1", "v1");

        Assert.True(registry.Add(first));
        Assert.False(registry.Add(Scripted("a1", "v2")));
        Assert.False(registry.Add(first));

        Assert.Same(first, registry.Find("scripted|a1"));
        Assert.Single(registry.Accounts);
    }

    [Fact]
    public void Replacing_puts_the_new_definition_in_place_of_the_old_one_or_adds_it()
    {
        var registry = new AccountRegistry([Scripted("a1", "v1")]);
        var next = Scripted("a1", "v2");

        registry.Replace(next);
        registry.Replace(Scripted("a2", "v1"));

        Assert.Same(next, registry.Find("scripted|a1"));
        Assert.Equal("v1", registry.Find("scripted|a2")?.Fingerprint);
        Assert.Equal(2, registry.Accounts.Count);
    }

    [Fact]
    public void Removing_is_true_once_and_the_account_is_no_longer_found()
    {
        var registry = new AccountRegistry([Scripted("a1"), Scripted("a2")]);

        Assert.True(registry.Remove("scripted", "a1"));
        Assert.False(registry.Remove("scripted", "a1"));
        Assert.False(registry.Remove("coinw", "a2"));

        Assert.Null(registry.Find("scripted|a1"));
        Assert.NotNull(registry.Find("scripted|a2"));
        Assert.Equal(["a2"], registry.Accounts.Select(a => a.Id));
        Assert.True(registry.Add(Scripted("a1")));
    }

    [Fact]
    public void The_accounts_read_before_a_change_are_a_snapshot_the_change_does_not_touch()
    {
        var registry = new AccountRegistry([Scripted("a1"), Scripted("a2")]);
        var before = registry.Accounts;

        registry.Remove("scripted", "a1");
        registry.Add(Scripted("a3"));

        Assert.Equal(["a1", "a2"], before.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["a2", "a3"], registry.Accounts.Select(a => a.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Changes_from_many_threads_at_once_are_none_of_them_lost_and_one_add_of_an_account_wins()
    {
        var registry = new AccountRegistry([]);
        using var start = new Barrier(4);
        var wins = new int[4];

        // Four threads add the same 500 accounts and 500 of their own, then remove their own odd ones.
        var workers = Enumerable.Range(0, 4).Select(worker => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 500; i++)
            {
                if (registry.Add(Scripted($"shared{i}")))
                {
                    wins[worker]++;
                }
                Assert.True(registry.Add(Scripted($"own{worker}-{i}")));
                Assert.NotNull(registry.Find($"scripted|own{worker}-{i}"));
            }
            for (var i = 1; i < 500; i += 2)
            {
                Assert.True(registry.Remove("scripted", $"own{worker}-{i}"));
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        await Task.WhenAll(workers);

        Assert.Equal(500, wins.Sum());
        Assert.Equal(500 + (4 * 250), registry.Accounts.Count);
        Assert.All(Enumerable.Range(0, 500), i => Assert.NotNull(registry.Find($"scripted|shared{i}")));
        Assert.All(Enumerable.Range(0, 4), w => Assert.Null(registry.Find($"scripted|own{w}-1")));
        Assert.All(Enumerable.Range(0, 4), w => Assert.NotNull(registry.Find($"scripted|own{w}-0")));
    }
}
