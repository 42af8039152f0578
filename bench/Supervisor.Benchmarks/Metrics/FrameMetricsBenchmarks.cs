using System.Diagnostics.Metrics;
using System.Text;
using BenchmarkDotNet.Attributes;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Supervisor.Actors.Metrics;
using Supervisor.Venues.CoinW;

namespace Supervisor.Benchmarks.Metrics;

/// <summary>
/// What the metrics add to one frame: decoding a CoinW order push (the baseline, work the frame path does anyway) with
/// and without what the connection then measures (one frame, its events), first with nobody listening, then with an
/// OpenTelemetry MeterProvider aggregating them as the Prometheus exporter's does.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class FrameMetricsBenchmarks
{
    private const string CoinWOrder = """{"biz":"futures","pairCode":"BTC","data":[{"currentPiece":"1","leverage":"1","originalType":"plan","contractType":1,"fee":"0","frozenFee":"0.00954","orderStatus":"unFinish","instrument":"BTC","quantityUnit":0,"source":"api","updatedDate":1739955929000,"positionModel":0,"posType":"plan","baseSize":"0.001","liquidateBy":"manual","makerFee":"0.0001","totalPiece":"1","orderPrice":"95400","id":"33308740320587027","direction":"long","margin":"95.4","indexPrice":"95670.9","quantity":"100","takerFee":"0.0006","userId":"1162061","createdDate":1739955929000,"positionMargin":"95.4","status":"open"}],"type":"order"}""";
    private readonly CoinWCodec _codec = new();
    private byte[] _order = null!;
    private Meter _silentMeter = null!;
    private Meter _listenedMeter = null!;
    private VenueInstruments _silent = null!;
    private VenueInstruments _listened = null!;
    private MeterProvider _provider = null!;

    [GlobalSetup]
    public void Setup()
    {
        _order = Encoding.UTF8.GetBytes(CoinWOrder);
        _silentMeter = new Meter("Supervisor.Bench.Silent");
        _listenedMeter = new Meter(SupervisorMetrics.MeterName);
        _silent = new SupervisorMetrics(_silentMeter, "bench").ForVenue(CoinWCodec.Venue);
        _listened = new SupervisorMetrics(_listenedMeter, "bench").ForVenue(CoinWCodec.Venue);
        // Exported once an hour: the aggregation on every Add is what is measured, not the export.
        _provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(SupervisorMetrics.MeterName)
            .AddReader(new PeriodicExportingMetricReader(new NullExporter(), exportIntervalMilliseconds: 3_600_000))
            .Build();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider.Dispose();
        _silentMeter.Dispose();
        _listenedMeter.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int Decode() => _codec.Decode(_order).Events.Count;

    [Benchmark]
    public int DecodeAndCountUnlistened()
    {
        var events = _codec.Decode(_order).Events.Count;
        _silent.FrameReceived();
        _silent.EventsDecoded(events);
        return events;
    }

    [Benchmark]
    public int DecodeAndCountOpenTelemetry()
    {
        var events = _codec.Decode(_order).Events.Count;
        _listened.FrameReceived();
        _listened.EventsDecoded(events);
        return events;
    }

    [Benchmark]
    public void CountOnlyUnlistened()
    {
        _silent.FrameReceived();
        _silent.EventsDecoded(1);
    }

    [Benchmark]
    public void CountOnlyOpenTelemetry()
    {
        _listened.FrameReceived();
        _listened.EventsDecoded(1);
    }

    private sealed class NullExporter : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch) => ExportResult.Success;
    }
}
