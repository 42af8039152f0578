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
        var assets = await GetAsync(CoinWSnapshotDecoder.AssetsPath, "", _decoder.Assets, cancellationToken).ConfigureAwait(false);
        if (assets.Error is { } assetsError)
        {
            return Fail(assetsError);
        }
        var positions = await GetAsync(CoinWSnapshotDecoder.PositionsPath, "", _decoder.Positions, cancellationToken).ConfigureAwait(false);
        if (positions.Error is { } positionsError)
        {
            return Fail(positionsError);
        }
        var orders = await GetAsync(CoinWSnapshotDecoder.OpenOrdersPath, CoinWSnapshotDecoder.OpenOrdersQuery, _decoder.OpenOrders, cancellationToken).ConfigureAwait(false);
        if (orders.Error is { } ordersError)
        {
            return Fail(ordersError);
        }
        var triggers = await GetAsync(CoinWSnapshotDecoder.OpenOrdersPath, CoinWSnapshotDecoder.TriggerOrdersQuery, _decoder.TriggerOrders, cancellationToken).ConfigureAwait(false);
        return triggers.Error is { } triggersError
            ? Fail(triggersError)
            : RestResult<AccountSnapshot>.Ok(new AccountSnapshot(CoinWCodec.Venue, [assets.Value!], positions.Value!, orders.Value!) { TriggerOrders = triggers.Value });
    }

    private static RestResult<AccountSnapshot> Fail(RestError error) => RestResult<AccountSnapshot>.Fail(error.Kind, error.Message);

    private async Task<RestResult<T>> GetAsync<T>(string path, string query, Decode<T> decode, CancellationToken cancellationToken)
        where T : class
    {
        var request = CoinWRestSigner.Sign(apiKey, secret, clock.GetUtcNow(), "GET", path, query);
        var (status, body, error) = await RestCall.GetAsync(http, baseUri, request, _maxBytes, cancellationToken).ConfigureAwait(false);
        if (error is null && status != 200)
        {
            error = new RestError(status == 429 ? RestErrorKind.RateLimited : RestErrorKind.VenueError, $"CoinW HTTP {status} on {path}");
        }
        return error is null ? decode(body ?? []) : RestResult<T>.Fail(error.Kind, error.Message);
    }

    private delegate RestResult<T> Decode<T>(ReadOnlySpan<byte> body)
        where T : class;
}
