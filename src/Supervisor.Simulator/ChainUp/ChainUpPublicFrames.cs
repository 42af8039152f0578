using System.Globalization;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.ChainUp;

/// <summary>Frames of ChainUP's public <c>/kline-api/ws</c> (chainup.md §3), before gzip.</summary>
internal static class ChainUpPublicFrames
{
    public const string MarkPricePrefix = "mark_price_";

    /// <summary>
    /// A <c>mark_price_&lt;s&gt;</c> push in the envelope seen on the wire; every tick value is a string. The index
    /// price sits a hair under the mark and funding is a fixed 0.01 % (the simulator models neither).
    /// </summary>
    public static string MarkPrice(Instrument instrument, decimal mark, DateTimeOffset now)
    {
        var index = instrument.Round(mark * 0.9999m);
        var nextSettlement = NextSettlement(now).ToUnixTimeMilliseconds();
        return $$"""{"event_rep":"","channel":"{{MarkPricePrefix}}{{instrument.SymbolToken}}","data":null,"tick":{"tagPrice":"{{N(mark)}}","indexPrice":"{{N(index)}}","currentFundRate":"0.0001","nextFundRate":"0.0001","nextSettlementTime":"{{nextSettlement}}","symbol":"{{instrument.SymbolToken}}"},"ts":{{now.ToUnixTimeMilliseconds()}},"status":"ok"}""";
    }

    /// <summary>The server heartbeat: <c>{"ping":&lt;epoch s&gt;}</c>, seconds as Koinbay sends it.</summary>
    public static string Ping(DateTimeOffset now) => $$"""{"ping":{{now.ToUnixTimeSeconds()}}}""";

    // Funding settles every 8 hours, on the UTC hour.
    private static DateTimeOffset NextSettlement(DateTimeOffset now)
    {
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return day.AddHours((Math.Floor((now - day).TotalHours / 8) + 1) * 8);
    }

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
