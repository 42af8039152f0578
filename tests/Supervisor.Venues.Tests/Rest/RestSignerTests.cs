using Supervisor.Venues.Rest;

namespace Supervisor.Venues.Tests.Rest;

/// <summary>Expected signatures were computed independently with <c>openssl dgst -sha256 -hmac</c>.</summary>
public sealed class RestSignerTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1735689600000);

    [Fact]
    public void CoinW_signs_timestamp_method_path_and_query_as_base64()
    {
        var signed = CoinWRestSigner.Sign("key", "my-secret", At, "get", "/v1/perpum/positions/all", "instrument=BTC");
        Assert.Equal("ORyJ11K9NHWZdKMVokmOFPmoS22CgkJdTVnx3Hl1vWk=", signed.Headers["sign"]);
        Assert.Equal("1735689600000", signed.Headers["timestamp"]);
        Assert.Equal("key", signed.Headers["api_key"]);
        Assert.Equal("/v1/perpum/positions/all?instrument=BTC", signed.PathAndQuery);
        Assert.False(signed.Headers.ContainsKey("Content-type"));
    }

    [Fact]
    public void CoinW_signs_the_exact_body_of_a_post()
    {
        var signed = CoinWRestSigner.Sign("key", "my-secret", At, "POST", "/v1/perpum/order", body: """{"instrument":"BTC","direction":"long"}""");
        Assert.Equal("UzyBUdSlgFei6N9lJSOCjLRWtXgU90YCuV8FKP5me/4=", signed.Headers["sign"]);
        Assert.Equal("application/json", signed.Headers["Content-type"]);
    }

    [Fact]
    public void ChainUp_signs_as_lower_case_hex_with_X_CH_headers()
    {
        var get = ChainUpRestSigner.Sign("cu-key", "cu-secret", At, "GET", "/fapi/v1/account");
        Assert.Equal("68870ed179ad493ea00f8a56f45e8ebe9fb9f8d31c6920416e45ec50c3a9cb27", get.Headers["X-CH-SIGN"]);
        Assert.Equal("1735689600000", get.Headers["X-CH-TS"]);
        Assert.Equal("cu-key", get.Headers["X-CH-APIKEY"]);
        var post = ChainUpRestSigner.Sign("cu-key", "cu-secret", At, "post", "/fapi/v1/order", body: """{"volume":1,"price":64000}""");
        Assert.Equal("81030980a575c0ea3f7cc839dda8e27cec72dd1b66d29a7c92117e9f580e98fe", post.Headers["X-CH-SIGN"]);
    }

    [Fact]
    public void An_empty_secret_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CoinWRestSigner.Sign("k", "", At, "GET", "/x"));
        Assert.Throws<ArgumentException>(() => ChainUpRestSigner.Sign("k", "", At, "GET", "/x"));
    }
}
