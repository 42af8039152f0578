using Supervisor.Venues.Decoding;

namespace Supervisor.Venues.Rest;

/// <summary>ChainUP's snapshot: <c>/fapi/v1/account</c> (balances and positions) and <c>/fapi/v1/openOrders</c> (chainup.md §4).</summary>
public sealed class ChainUpSnapshotClient(HttpClient http, Uri baseUri, string apiKey, string secret, TimeProvider clock, DecoderLimits? limits = null) : ISnapshotClient
{
    private readonly ChainUpSnapshotDecoder _decoder = new(limits);
    private readonly int _maxBytes = (limits ?? DecoderLimits.Default).MaxDecompressedBytes;

    /// <inheritdoc />
    public async Task<RestResult<AccountSnapshot>> FetchAsync(CancellationToken cancellationToken)
    {
        var (accountBody, error) = await GetAsync(ChainUpSnapshotDecoder.AccountPath, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return RestResult<AccountSnapshot>.Fail(error.Kind, error.Message);
        }
        var account = _decoder.Account(accountBody);
        if (!account.IsSuccess)
        {
            return account;
        }
        (var ordersBody, error) = await GetAsync(ChainUpSnapshotDecoder.OpenOrdersPath, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return RestResult<AccountSnapshot>.Fail(error.Kind, error.Message);
        }
        var orders = _decoder.OpenOrders(ordersBody);
        return orders.Error is { } ordersError
            ? RestResult<AccountSnapshot>.Fail(ordersError.Kind, ordersError.Message)
            : RestResult<AccountSnapshot>.Ok(account.Value! with { OpenOrders = orders.Value! });
    }

    private async Task<(byte[] Body, RestError? Error)> GetAsync(string path, CancellationToken cancellationToken)
    {
        var request = ChainUpRestSigner.Sign(apiKey, secret, clock.GetUtcNow(), "GET", path);
        var (status, body, error) = await RestCall.GetAsync(http, baseUri, request, _maxBytes, cancellationToken).ConfigureAwait(false);
        if (error is null && status != 200)
        {
            // Errors carry a JSON code; prefer it over the bare status when it decodes.
            var decoded = _decoder.OpenOrders(body ?? []);
            error = decoded.Error is { Kind: not (RestErrorKind.UnexpectedShape or RestErrorKind.MalformedJson) } coded && status != 429
                ? coded
                : ChainUpSnapshotDecoder.StatusError(status);
        }
        return (body ?? [], error);
    }
}
