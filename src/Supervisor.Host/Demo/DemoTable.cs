using Spectre.Console;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.State;
using Akka.Actor;

namespace Supervisor.Host.Demo;

/// <summary>The live terminal table of the demo: one row per account (the first 30), totals in the caption.</summary>
internal static class DemoTable
{
    private const int MaxRows = 30;

    public static async Task<Table> RenderAsync(IActorRef root, IReadOnlyList<AccountStatus> statuses, DateTimeOffset now)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("account", "venue", "connection", "reconnects", "positions", "open orders", "equity (USDT)", "last event");
        foreach (var status in statuses.Take(MaxRows))
        {
            var state = await root.Ask<AccountState>(new ForAccount(status.Venue, status.AccountId, new GetAccountState()), TimeSpan.FromSeconds(10));
            var age = status.LastEventAt is { } at ? $"{(now - at).TotalSeconds:F1}s ago" : "-";
            var connection = status.Connection.ToString();
            table.AddRow(
                Markup.Escape(status.AccountId),
                Markup.Escape(status.Venue),
                status.Connection == Actors.Connection.ConnectionStatus.Live ? $"[green]{connection}[/]" : $"[yellow]{connection}[/]",
                status.Reconnects.ToString(System.Globalization.CultureInfo.InvariantCulture),
                state.Positions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                state.OpenOrders.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                state.Equity.ToString("N2", System.Globalization.CultureInfo.InvariantCulture),
                age);
        }
        var live = statuses.Count(s => s.Connection == Actors.Connection.ConnectionStatus.Live);
        table.Caption($"{live}/{statuses.Count} live · {statuses.Sum(s => s.Reconnects)} reconnects · {statuses.Sum(s => s.Events)} events"
            + (statuses.Count > MaxRows ? $" · first {MaxRows} accounts shown" : ""));
        return table;
    }
}
