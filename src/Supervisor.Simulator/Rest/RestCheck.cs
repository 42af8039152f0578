using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.Rest;

/// <summary>The verdict on one REST call, and the account it is for when it passed.</summary>
internal sealed record RestCheck(RestVerdict Verdict, AccountModel? Account)
{
    public static RestCheck MissingTimestamp { get; } = new(RestVerdict.MissingTimestamp, null);

    public static RestCheck MissingSignature { get; } = new(RestVerdict.MissingSignature, null);

    public static RestCheck UnknownKey { get; } = new(RestVerdict.UnknownKey, null);

    public static RestCheck BadTimestamp { get; } = new(RestVerdict.BadTimestamp, null);

    public static RestCheck BadSignature { get; } = new(RestVerdict.BadSignature, null);

    public static RestCheck RateLimited { get; } = new(RestVerdict.RateLimited, null);
}
