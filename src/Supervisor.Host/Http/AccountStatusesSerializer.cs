using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;
using Supervisor.Actors.Accounts;

namespace Supervisor.Host.Http;

/// <summary>
/// The wire format of the status question the API asks every cluster member (<see cref="GetAccountStatuses"/>) and of
/// its answer (<see cref="AccountStatuses"/>), System.Text.Json under versioned manifests. Akka's Newtonsoft default
/// cannot read the answer back (its list is a compiler-made read-only type Newtonsoft cannot create), so without this
/// every remote member seemed not to answer. Bound on every cluster node by <c>SupervisorHost</c>; it belongs beside
/// <c>AccountWireSerializer</c> in Supervisor.Actors once that project can take it.
/// </summary>
internal sealed class AccountStatusesSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>Unique in the actor system and fixed: it travels with every message.</summary>
    public const int Id = 4713;

    /// <summary>The name it is bound under in <c>akka.actor.serializers</c>.</summary>
    public const string Name = "account-statuses";

    private const string QuestionManifest = "get-account-statuses.v1";
    private const string AnswerManifest = "account-statuses.v1";

    private static readonly JsonSerializerOptions Json = new(ApiJson.Options) { RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true };

    /// <summary>The types it writes.</summary>
    public static IReadOnlyList<Type> BoundTypes { get; } = [typeof(GetAccountStatuses), typeof(AccountStatuses)];

    /// <inheritdoc />
    public override int Identifier => Id;

    /// <inheritdoc />
    public override string Manifest(object o) => o switch
    {
        GetAccountStatuses => QuestionManifest,
        AccountStatuses => AnswerManifest,
        _ => throw new ArgumentException($"{o.GetType()} has no account-statuses wire format", nameof(o)),
    };

    /// <inheritdoc />
    public override byte[] ToBinary(object obj) => obj switch
    {
        GetAccountStatuses => "{}"u8.ToArray(),
        AccountStatuses answer => JsonSerializer.SerializeToUtf8Bytes(answer.Accounts, Json),
        _ => throw new ArgumentException($"{obj.GetType()} has no account-statuses wire format", nameof(obj)),
    };

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest)
    {
        try
        {
            return manifest switch
            {
                QuestionManifest => new GetAccountStatuses(),
                AnswerManifest => new AccountStatuses(JsonSerializer.Deserialize<AccountStatus[]>(bytes, Json) ?? throw new SerializationException("account-statuses.v1: null")),
                _ => throw new SerializationException($"unknown manifest '{manifest}'"),
            };
        }
        catch (JsonException e)
        {
            throw new SerializationException($"{manifest}: {e.Message}", e);
        }
    }
}
