using System.IO.Compression;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Supervisor.Venues.ChainUp;
using Supervisor.Venues.CoinW;

namespace Supervisor.Benchmarks.Venues;

/// <summary>
/// Decoding common pushes beside the physical baseline: a bare <see cref="Utf8JsonReader"/> pass over the same bytes
/// (CoinW, plain JSON) and gzip inflation plus that pass (ChainUP). Frames per second = 1 / mean. The median is shown
/// too: on a shared machine a few preempted iterations move the mean, not the median.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CodecBenchmarks
{
    private const string CoinWOrder = """{"biz":"futures","pairCode":"BTC","data":[{"currentPiece":"1","leverage":"1","originalType":"plan","contractType":1,"fee":"0","frozenFee":"0.00954","orderStatus":"unFinish","instrument":"BTC","quantityUnit":0,"source":"api","updatedDate":1739955929000,"positionModel":0,"posType":"plan","baseSize":"0.001","liquidateBy":"manual","makerFee":"0.0001","totalPiece":"1","orderPrice":"95400","id":"33308740320587027","direction":"long","margin":"95.4","indexPrice":"95670.9","quantity":"100","takerFee":"0.0006","userId":"1162061","createdDate":1739955929000,"positionMargin":"95.4","status":"open"}],"type":"order"}""";
    private const string CoinWPosition = """{"biz":"futures","pairCode":"BTC","data":[{"currentPiece":"1","isProfession":0,"leverage":"1","distId":"0","originalType":"execute","processStatus":0,"contractType":1,"fee":"0.05328162","openPrice":"88802.7","instrument":"BTC","quantityUnit":0,"source":"api","updatedDate":1740569719634,"positionModel":0,"posType":"execute","leaderId":"1162061","baseSize":"0.001","closedQuantity":"0","salesId":"0","totalPiece":"1","orderPrice":"0","id":"2435521222631981320","fundingSettle":"0","direction":"short","margin":"88.8027","indexPrice":"88802.8","quantity":"88.8027","userId":"1162061","parentId":"0","closedPiece":"0","createdDate":1740569719634,"hedgeId":"20766171808644102","partnerId":"0","positionMargin":"88.8027","remainCurrentPiece":"1","status":"open"}],"type":"position"}""";
    private const string CoinWAssets = """{"biz":"futures","pairCode":"USDT","data":[{"currency":"usdt","available":488.53,"availableMargin":488.53,"transferAvailable":488.53,"margin":0.0,"freeze":0.0,"hold":0.0,"profitUnreal":0,"size":0,"almightyGold":0,"type":7,"userId":1162061}],"type":"assets"}""";
    private const string ChainUpAccount = """{"channel":"ACCOUNT_UPDATE","uid":2001,"t":"1735689601123","d":{"et":"CREATE","a":[{"c":"USDT","an":"5000.00000000","la":"12.50000000","pn":"250.00000000"}],"p":{"id":501,"cid":1,"pt":2,"cn":"E-BTC-USDT","con":"BTCUSDT","l":10,"pv":25,"op":64000.5,"rp":57800.2,"hm":160.00125,"ra":-0.8,"s":"BUY","mr":0.0125,"oa":160.00125,"ccv":25}}}""";
    private const string ChainUpAdl = """{"channel":"ADL_PRICE","uid":2001,"l":[{"id":501,"al":3,"rp":57800.2,"ha":160.00125,"mr":0.0125,"bo":64100.1,"so":64100.3,"lt":64100.2,"tp":64099.87500000000000012}]}""";

    private readonly CoinWCodec _coinw = new();
    private readonly ChainUpCodec _chainup = new();
    private byte[] _order = null!;
    private byte[] _position = null!;
    private byte[] _assets = null!;
    private byte[] _account = null!;
    private byte[] _adl = null!;

    [GlobalSetup]
    public void Setup()
    {
        _order = Encoding.UTF8.GetBytes(CoinWOrder);
        _position = Encoding.UTF8.GetBytes(CoinWPosition);
        _assets = Encoding.UTF8.GetBytes(CoinWAssets);
        _account = Gzip(ChainUpAccount);
        _adl = Gzip(ChainUpAdl);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("coinw-order")]
    public int CoinWOrderRawReader() => RawPass(_order);

    [Benchmark]
    [BenchmarkCategory("coinw-order")]
    public int CoinWOrderDecode() => _coinw.Decode(_order).Events.Count;

    [Benchmark]
    public int CoinWPositionRawReader() => RawPass(_position);

    [Benchmark]
    public int CoinWPositionDecode() => _coinw.Decode(_position).Events.Count;

    [Benchmark]
    public int CoinWAssetsRawReader() => RawPass(_assets);

    [Benchmark]
    public int CoinWAssetsDecode() => _coinw.Decode(_assets).Events.Count;

    [Benchmark]
    public int ChainUpAccountUpdateRawInflateAndReader() => RawPass(Inflate(_account));

    [Benchmark]
    public int ChainUpAccountUpdateDecode() => _chainup.Decode(_account, isBinary: true).Events.Count;

    [Benchmark]
    public int ChainUpAdlRawInflateAndReader() => RawPass(Inflate(_adl));

    [Benchmark]
    public int ChainUpAdlDecode() => _chainup.Decode(_adl, isBinary: true).Events.Count;

    private static int RawPass(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }
        return tokens;
    }

    private static byte[] Inflate(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Gzip(string json)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }
        return output.ToArray();
    }
}
