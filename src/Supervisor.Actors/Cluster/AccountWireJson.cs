using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Connection;
using Supervisor.Actors.Serialization;
using Supervisor.Actors.State;

namespace Supervisor.Actors.Cluster;

/// <summary>
/// The System.Text.Json side of <see cref="AccountWireSerializer"/>: the queries an account answers across nodes and
/// their answers, under versioned manifests. A breaking change of a shape gets a new version; during a rolling
/// deploy both versions must stay readable.
/// </summary>
internal static class AccountWireJson
{
    public const string StateManifest = "account-state.v1";

    public static ManifestRegistry Manifests { get; } = ManifestRegistry.Create()
        .Register(StateManifest, AccountWireJsonContext.Default.AccountStateWire)
        .Register("account-status.v1", AccountWireJsonContext.Default.AccountStatus)
        .Register("journal-lag.v1", AccountWireJsonContext.Default.JournalLag)
        .Register("get-account-state.v1", AccountWireJsonContext.Default.GetAccountState)
        .Register("get-account-status.v1", AccountWireJsonContext.Default.GetAccountStatus)
        .Register("get-journal-lag.v1", AccountWireJsonContext.Default.GetJournalLag)
        .Register("get-account-statuses.v1", AccountWireJsonContext.Default.GetAccountStatuses)
        .Register("account-statuses.v1", AccountWireJsonContext.Default.AccountStatuses)
        .Register("refresh-account.v1", AccountWireJsonContext.Default.RefreshAccount)
        .Register("keep-account.v1", AccountWireJsonContext.Default.KeepAccount)
        .Register("get-join-info.v1", AccountWireJsonContext.Default.GetJoinInfo)
        .Register("join-info.v1", AccountWireJsonContext.Default.JoinInfo)
        .Build();

    /// <summary>
    /// The types written here (AccountState through <see cref="AccountStateWire"/>): besides the account queries, a
    /// node's statuses (asked of every member for a cluster-wide view), the registry messages a node sends to entities
    /// and the keeper elsewhere, and the admission check a joining node asks of the seeds.
    /// </summary>
    public static readonly IReadOnlyList<Type> Types =
    [
        typeof(AccountState), typeof(AccountStatus), typeof(JournalLag), typeof(GetAccountState), typeof(GetAccountStatus), typeof(GetJournalLag),
        typeof(GetAccountStatuses), typeof(AccountStatuses), typeof(RefreshAccount), typeof(KeepAccount), typeof(GetJoinInfo), typeof(JoinInfo),
    ];
}

/// <summary>
/// <see cref="AccountState"/> on the wire: its persisted part as the snapshot the journal stores (same types and field
/// names), except that the ADL ranks keep their market prices, plus what a snapshot leaves out because it lives in
/// memory only: the account's identity, mark prices, connection and reconciliation status, and the sequence number.
/// </summary>
internal sealed record AccountStateWire(
    string AccountId,
    string Venue,
    AccountStateSnapshot Persisted,
    Dictionary<string, decimal> MarkPrices,
    ConnectionStatus Connection,
    ReconciliationStatus Reconciliation,
    long SequenceNr)
{
    public static AccountStateWire Of(AccountState state) => new(
        state.AccountId,
        state.Venue,
        // A snapshot drops the ranks' market prices (they are not history); an answer carries them.
        AccountStateSnapshot.Of(state) with { AdlRanks = [.. state.AdlRanks.Values] },
        new Dictionary<string, decimal>(state.MarkPrices, StringComparer.Ordinal),
        state.Connection,
        state.Reconciliation,
        state.SequenceNr);

    public AccountState ToState() => Persisted.Restore(AccountState.Empty(AccountId, Venue)) with
    {
        MarkPrices = MarkPrices.ToImmutableDictionary(StringComparer.Ordinal),
        Connection = Connection,
        Reconciliation = Reconciliation,
        SequenceNr = SequenceNr,
    };
}

// Nulls are written, not left out (unlike the journal's rows): with required constructor parameters and nullable
// annotations respected, a payload that lacks a field or nulls a non-nullable one is refused when read instead of
// turning into a state with holes.
[JsonSourceGenerationOptions(UseStringEnumConverter = true, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(AccountStateWire))]
[JsonSerializable(typeof(AccountStatus))]
[JsonSerializable(typeof(JournalLag))]
[JsonSerializable(typeof(GetAccountState))]
[JsonSerializable(typeof(GetAccountStatus))]
[JsonSerializable(typeof(GetJournalLag))]
[JsonSerializable(typeof(GetAccountStatuses))]
[JsonSerializable(typeof(AccountStatuses))]
[JsonSerializable(typeof(RefreshAccount))]
[JsonSerializable(typeof(KeepAccount))]
[JsonSerializable(typeof(GetJoinInfo))]
[JsonSerializable(typeof(JoinInfo))]
internal sealed partial class AccountWireJsonContext : JsonSerializerContext;
