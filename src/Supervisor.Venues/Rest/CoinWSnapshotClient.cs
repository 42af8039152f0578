using Supervisor.Venues.CoinW;
using Supervisor.Venues.Decoding;

namespace Supervisor.Venues.Rest;

/// <summary>CoinW's snapshot: assets, all open positions, all open limit orders, all waiting trigger orders; four signed GETs (coinw.md §9).</summary>
public sealed class CoinWSnapshotClient(HttpClient http, Uri baseUri, string apiKey, string secret, TimeProvider clock, DecoderLimits? limits = null) : ISnapshotClient
{
    private readonly CoinWSnapshotDecoder _decoder = new(limits);
    private readonly int _maxBytes = (limits ?? DecoderLimits.Default).MaxDecompressedBytes;

    /// <inheritdoc />
    public async Task<RestResult<AccountSnapshot>> FetchAsync(CancellationToken cancellationToken)
    {
        var (assetsBody, error) = await GetAsync(CoinWSnapshotDecoder.AssetsPath, "", cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return Fail(error);
        }
        var assets = _decoder.Assets(assetsBody);
        if (assets.Error is { } assetsError)
        {
            return Fail(assetsError);
        }
        (var positionsBody, error) = await GetAsync(CoinWSnapshotDecoder.PositionsPath, "", cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return Fail(error);
        }
        var positions = _decoder.Positions(positionsBody);
        if (positions.Error is { } positionsError)
        {
            return Fail(positionsError);
        }
        (var ordersBody, error) = await GetAsync(CoinWSnapshotDecoder.OpenOrdersPath, CoinWSnapshotDecoder.OpenOrdersQuery, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return Fail(error);
        }
        var orders = _decoder.OpenOrders(ordersBody);
        if (orders.Error is { } ordersError)
        {
            return Fail(ordersError);
        }
        (var triggersBody, error) = await GetAsync(CoinWSnapshotDecoder.OpenOrdersPath, CoinWSnapshotDecoder.TriggerOrdersQuery, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return Fail(error);
        }
        var triggers = _decoder.TriggerOrders(triggersBody);
        return triggers.Error is { } triggersError
            ? Fail(triggersError)
            : RestResult<AccountSnapshot>.Ok(new AccountSnapshot(CoinWCodec.Venue, [assets.Value!], positions.Value!, orders.Value!) { TriggerOrders = triggers.Value });
    }

    private static RestResult<AccountSnapshot> Fail(RestError error) => RestResult<AccountSnapshot>.Fail(error.Kind, error.Message);

    private async Task<(byte[] Body, RestError? Error)> GetAsync(string path, string query, CancellationToken cancellationToken)
    {
        var request = CoinWRestSigner.Sign(apiKey, secret, clock.GetUtcNow(), "GET", path, query);
        var (status, body, error) = await RestCall.GetAsync(http, baseUri, request, _maxBytes, cancellationToken).ConfigureAwait(false);
        if (error is null && status != 200)
        {
            error = new RestError(status == 429 ? RestErrorKind.RateLimited : RestErrorKind.VenueError, $"CoinW HTTP {status} on {path}");
        }
        return (body ?? [], error);
    }
}
