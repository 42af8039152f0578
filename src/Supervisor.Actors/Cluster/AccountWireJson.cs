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
        .Build();

    /// <summary>The types written here (AccountState through <see cref="AccountStateWire"/>).</summary>
    public static readonly IReadOnlyList<Type> Types =
        [typeof(AccountState), typeof(AccountStatus), typeof(JournalLag), typeof(GetAccountState), typeof(GetAccountStatus), typeof(GetJournalLag)];
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
internal sealed partial class AccountWireJsonContext : JsonSerializerContext;
