using Supervisor.Actors.State;

namespace Supervisor.Host.Http;

/// <summary>One server-sent event waiting for a stream client: <c>status</c> or <c>state</c> of one account.</summary>
/// <param name="Event">The SSE event name.</param>
/// <param name="Key">What a newer item replaces (its event and account), so a slow client gets the latest, not every one.</param>
/// <param name="Data">What is written as the event's JSON data.</param>
internal sealed record StreamItem(string Event, string Key, object Data)
{
    public static StreamItem Status(AccountStatusView status) => new("status", $"status|{status.Venue}|{status.Id}", status);

    // The view is made when the item is written, not by the event stream's subscriber, so a replaced item costs nothing.
    public static StreamItem State(AccountState state) => new("state", $"state|{state.Venue}|{state.AccountId}", state);

    /// <summary>What is serialized as the event's data.</summary>
    public object View => Data is AccountState state ? AccountStateView.Of(state) : Data;
}
