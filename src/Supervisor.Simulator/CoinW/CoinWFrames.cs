using System.Globalization;
using System.Text.Json;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.CoinW;

/// <summary>CoinW frames written from the simulator's model with the field names of coinw.md (numbers as strings where CoinW sends strings).</summary>
internal static class CoinWFrames
{
    public const string LoginOk = """{"data":{"result":true},"channel":"login"}""";
    public const string LoginFailed = """{"channel":"login","data":{"result":false,"errorCode":401,"errorMsg":"invalid api key or secret"}}""";
    public const string Pong = """{"event":"pong"}""";
    public const string NotJson = """{"result":false,"errorCode":1001,"errorMsg":"Rate Limit"}""";
    public const string BadCommand = """{"result":false,"errorCode":500,"errorMsg":"exception"}""";

    public static string SubscribeAck(string type, bool ok) => ok
        ? $$"""{"biz":"futures","data":{"result":true},"channel":"subscribe","type":{{Q(type)}}}"""
        : $$"""{"biz":"futures","data":{"result":false,"errorCode":1001,"errorMsg":"Rate Limit"},"channel":"subscribe","type":{{Q(type)}}}""";

    public static (string Channel, string Frame) For(ModelChange change) => change switch
    {
        ModelChange.OrderUpdated o => ("order", Order(o.Order, o.Terminal)),
        ModelChange.PositionUpdated p => ("position", Position(p.Position, "open")),
        ModelChange.PositionRemoved p => ("position", Position(p.Position, "close")),
        ModelChange.BalanceUpdated b => ("assets", Assets(b)),
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    private static string Order(TruthOrder o, string? terminal)
    {
        var status = terminal ?? (o.Filled == 0 ? "unFinish" : "part");
        return $$"""{"biz":"futures","pairCode":{{Q(o.Instrument)}},"data":[{"id":{{Q(o.Id)}},"instrument":{{Q(o.Instrument)}},"direction":"{{(o.Long ? "long" : "short")}}","leverage":"10","orderPrice":{{S(o.Price)}},"totalPiece":{{S(o.Quantity)}},"currentPiece":{{S(o.Quantity - o.Filled)}},"orderStatus":"{{status}}","status":"{{(terminal is null ? "open" : "close")}}","contractType":1,"positionModel":0,"source":"api"}],"type":"order"}""";
    }

    private static string Position(TruthPosition p, string status) =>
        $$"""{"biz":"futures","pairCode":{{Q(p.Instrument)}},"data":[{"id":{{Q(p.Id)}},"instrument":{{Q(p.Instrument)}},"direction":"{{(p.Long ? "long" : "short")}}","leverage":{{S(p.Leverage)}},"openPrice":{{S(p.EntryPrice)}},"currentPiece":{{S(p.Quantity)}},"margin":{{S(p.Margin)}},"status":"{{status}}","contractType":1,"positionModel":0}],"type":"position"}""";

    private static string Assets(ModelChange.BalanceUpdated b) =>
        $$"""{"biz":"futures","pairCode":"USDT","data":[{"currency":"usdt","available":{{N(b.Available)}},"availableMargin":{{N(b.Available)}},"freeze":{{N(b.Frozen)}},"hold":0,"margin":{{N(b.Margin)}},"type":7}],"type":"assets"}""";

    private static string Q(string text) => JsonSerializer.Serialize(text);

    private static string S(decimal value) => Q(N(value));

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
