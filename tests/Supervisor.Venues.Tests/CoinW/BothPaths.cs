using System.Globalization;
using System.Text;
using Supervisor.Venues.CoinW;
using Supervisor.Venues.Decoding;
using Supervisor.Venues.Events;

namespace Supervisor.Venues.Tests.CoinW;

/// <summary>
/// Decodes a frame through <see cref="CoinWCodec.Decode(byte[])"/> (push reader first) and through
/// <see cref="CoinWCodec.DecodeGeneral"/>, and insists they agree, so every field test checks both paths.
/// </summary>
internal static class BothPaths
{
    private static readonly CoinWCodec Codec = new();

    public static DecodeResult Decode(string frame)
    {
        var bytes = Encoding.UTF8.GetBytes(frame);
        var decoded = Codec.Decode(bytes);
        var general = Codec.DecodeGeneral(bytes);
        Assert.Equal(general.Events, decoded.Events);
        Assert.Equal(general.Error?.Kind, decoded.Error?.Kind);
        Assert.Equal(general.Control, decoded.Control);
        return decoded;
    }

    /// <summary>The one event of a well-formed frame.</summary>
    public static T Single<T>(string frame)
        where T : VenueEvent
    {
        var result = Decode(frame);
        Assert.Null(result.Error);
        return Assert.IsType<T>(Assert.Single(result.Events));
    }

    /// <summary>The frame is refused with a typed error, not an exception and not a partial result.</summary>
    public static void Refused(string frame, DecodeErrorKind kind = DecodeErrorKind.UnexpectedShape)
    {
        var result = Decode(frame);
        Assert.True(kind == result.Error?.Kind, $"{result.Error} for {frame}");
        Assert.Empty(result.Events);
    }

    /// <summary>Whether the push reader decoded the frame itself rather than leaving it to the general path.</summary>
    public static bool Fast(string frame) => CoinWPushReader.TryRead(Encoding.UTF8.GetBytes(frame), DecoderLimits.Default.MaxJsonDepth) is not null;

    /// <summary>A property value as the tests write it: decimals with their scale, times as epoch ms, enums by name.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset at => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>A private push frame of <paramref name="type"/> with one record: <paramref name="item"/> plus <paramref name="extra"/> fields.</summary>
    public static string Push(string type, string item, string extra) =>
        $$"""{"biz":"futures","pairCode":"BTC","data":[{{{item}}{{(extra.Length == 0 ? "" : "," + extra)}}}],"type":"{{type}}"}""";
}
