using Supervisor.Actors.Accounts;
using Supervisor.Actors.Connection;
using Supervisor.Host.Status;

namespace Supervisor.Host.Tests.Status;

public sealed class StatusSummaryTests
{
    private static AccountStatus Account(string id, ConnectionStatus connection, int reconnects = 0, int authFailures = 0, string? problem = null) =>
        new(id, "coinw", connection, reconnects, authFailures, problem, null, 10);

    [Fact]
    public void A_line_names_why_accounts_reconnected_since_the_last_one_and_which_are_not_live()
    {
        var summary = new StatusSummary();
        var first = summary.Describe([Account("a1", ConnectionStatus.Live), Account("a2", ConnectionStatus.Live),
            Account("a3", ConnectionStatus.AuthFailed, authFailures: 1, problem: "401 invalid api key")], 3);

        var second = summary.Describe([Account("a1", ConnectionStatus.Live, reconnects: 1, problem: "No pong within 00:00:05."),
            Account("a2", ConnectionStatus.Reconnecting, reconnects: 1, problem: "No pong within 00:00:05."),
            Account("a3", ConnectionStatus.AuthFailed, authFailures: 1, problem: "401 invalid api key")], 3);
        var third = summary.Describe([Account("a1", ConnectionStatus.Live, reconnects: 1, problem: "No pong within 00:00:05."),
            Account("a2", ConnectionStatus.Live, reconnects: 1), Account("a3", ConnectionStatus.Live, authFailures: 1)], 3);

        Assert.Equal("live 2/3, reconnects 0, auth failures 1, events 30; why: 1× coinw: 401 invalid api key; not live: coinw/a3 AuthFailed (401 invalid api key)", first);
        Assert.Equal("live 1/3, reconnects 2, auth failures 1, events 30; why: 2× coinw: No pong within 00:00:05.; not live: coinw/a2 Reconnecting (No pong within 00:00:05.), coinw/a3 AuthFailed (401 invalid api key)", second);
        Assert.Equal("live 3/3, reconnects 2, auth failures 1, events 30", third);
    }

    [Fact]
    public void Many_accounts_down_are_cut_to_the_first_five()
    {
        var statuses = Enumerable.Range(1, 8).Select(i => Account($"a{i}", ConnectionStatus.Connecting)).ToList();

        var line = new StatusSummary().Describe(statuses, 8);

        Assert.EndsWith("coinw/a5 Connecting and 3 more", line);
    }
}
