using System.Text.Json;
using Supervisor.Venues.Decoding;
using Supervisor.Venues.Events;

namespace Supervisor.Venues.ChainUp;

/// <summary>
/// The hot path for ChainUP's most frequent pushes (ACCOUNT_UPDATE, ADL_PRICE) once inflated: one
/// <see cref="Utf8JsonReader"/> pass into the same <see cref="AccountUpdatePush"/> / <see cref="AdlItem"/> shapes the
/// <see cref="JsonDocument"/> path reads, so the codec merges both the same way. <c>channel</c> may come after the
/// payload, so the payload is read before its meaning is known. Anything unusual — other channels, escapes, a field
/// of the wrong kind, a repeated key, malformed JSON — returns false and the general path decides (same events or the
/// precise error); tests check both paths agree.
/// </summary>
internal static class ChainUpPushReader
{
    private const int C = 0, An = 1, La = 2, Pn = 3, BalanceFieldCount = 4;
    private const int Id = 0, Cn = 1, S = 2, Pv = 3, Op = 4, L = 5, Hm = 6, Pt = 7, Rp = 8, Ra = 9, Mr = 10, Oa = 11, Ccv = 12, PositionFieldCount = 13;
    private const int AdlId = 0, Al = 1, AdlRp = 2, Ha = 3, AdlMr = 4, Bo = 5, So = 6, Lt = 7, Tp = 8, AdlFieldCount = 9;

    private enum Channel
    {
        None,
        AccountUpdate,
        AdlPrice,
    }

    public static bool TryRead(ReadOnlySpan<byte> json, int maxDepth, out AccountUpdatePush? update, out IReadOnlyList<AdlItem>? adl)
    {
        update = null;
        adl = null;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            var channel = Channel.None;
            AccountUpdatePush? d = null;
            List<AdlItem>? l = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueIsEscaped)
                {
                    return false;
                }
                if (reader.ValueTextEquals("channel"u8))
                {
                    reader.Read();
                    channel = reader.TokenType != JsonTokenType.String ? Channel.None
                        : reader.ValueTextEquals("ACCOUNT_UPDATE"u8) ? Channel.AccountUpdate
                        : reader.ValueTextEquals("ADL_PRICE"u8) ? Channel.AdlPrice
                        : Channel.None;
                    if (channel == Channel.None)
                    {
                        return false;
                    }
                }
                else if (reader.ValueTextEquals("d"u8))
                {
                    reader.Read();
                    if (d is not null || (d = ReadAccountUpdate(ref reader, json)) is null)
                    {
                        return false;
                    }
                }
                else if (reader.ValueTextEquals("l"u8))
                {
                    reader.Read();
                    if (l is not null || (l = ReadAdl(ref reader, json)) is null)
                    {
                        return false;
                    }
                }
                else if (reader.ValueTextEquals("pong"u8))
                {
                    return false;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return false;
            }
            update = channel == Channel.AccountUpdate ? d : null;
            adl = channel == Channel.AdlPrice ? l : null;
            return update is not null || adl is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static AccountUpdatePush? ReadAccountUpdate(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }
        string? eventType = null;
        List<AssetBalanceChanged>? balances = null;
        PositionFields? position = null;
        var positionSeen = false;
        Span<JsonSlot> slots = stackalloc JsonSlot[PositionFieldCount];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return null;
            }
            if (reader.ValueTextEquals("et"u8))
            {
                reader.Read();
                if (eventType is not null || (eventType = ScalarText(ref reader, json)) is null)
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("a"u8))
            {
                reader.Read();
                if (balances is not null)
                {
                    return null;
                }
                balances = [];
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    // As the general path: an "a" that is not a list carries no balances.
                    reader.Skip();
                    continue;
                }
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!JsonSlot.ReadObject<BalanceFields>(ref reader, slots[..BalanceFieldCount]) || Balance(json, slots) is not { } balance)
                    {
                        return null;
                    }
                    balances.Add(balance);
                }
            }
            else if (reader.ValueTextEquals("p"u8))
            {
                reader.Read();
                if (positionSeen)
                {
                    return null;
                }
                positionSeen = true;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }
                if (!JsonSlot.ReadObject<PositionFieldNames>(ref reader, slots))
                {
                    return null;
                }
                if (slots[Id].Present && (position = Position(json, slots)) is null)
                {
                    return null;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return reader.TokenType == JsonTokenType.EndObject && eventType is not null ? new AccountUpdatePush(eventType, balances ?? [], position) : null;
    }

    private static List<AdlItem>? ReadAdl(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }
        var items = new List<AdlItem>(1);
        Span<JsonSlot> slots = stackalloc JsonSlot[AdlFieldCount];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!JsonSlot.ReadObject<AdlFields>(ref reader, slots)
                || slots[AdlId].Text(json) is not { } id || slots[Al].Decimal(json) is not { } al || !AdlItem.TryRank(al, out var rank)
                || !slots[AdlRp].TryOptionalDecimal(json, out var liquidation)
                || !slots[Ha].TryOptionalDecimal(json, out var margin)
                || !slots[AdlMr].TryOptionalDecimal(json, out var marginRate)
                || !slots[Bo].TryOptionalDecimal(json, out var bid)
                || !slots[So].TryOptionalDecimal(json, out var ask)
                || !slots[Lt].TryOptionalDecimal(json, out var last)
                || !slots[Tp].TryOptionalDecimal(json, out var mark))
            {
                return null;
            }
            items.Add(new AdlItem(id, rank, liquidation, margin, marginRate, bid, ask, last, mark));
        }
        return items;
    }

    private static AssetBalanceChanged? Balance(ReadOnlySpan<byte> json, ReadOnlySpan<JsonSlot> slots) =>
        slots[C].Text(json) is { } asset && slots[An].Decimal(json) is { } available
            && slots[La].DecimalOr(json, 0m) is { } locked && slots[Pn].DecimalOr(json, 0m) is { } margin
            ? new AssetBalanceChanged(ChainUpCodec.Venue, asset, available, locked, margin)
            : null;

    private static PositionFields? Position(ReadOnlySpan<byte> json, ReadOnlySpan<JsonSlot> slots)
    {
        if (slots[Id].Text(json) is not { } id)
        {
            return null;
        }
        // Absent fields stay null (an UPDATE sends only what changed); present but unreadable ones decline the frame.
        string? instrument = null, side = null;
        if ((slots[Cn].Present && (instrument = slots[Cn].Text(json)) is null)
            || (slots[S].Present && (side = slots[S].Text(json)) is null)
            || !slots[Pv].TryOptionalDecimal(json, out var quantity)
            || !slots[Op].TryOptionalDecimal(json, out var entry)
            || !slots[L].TryOptionalDecimal(json, out var leverage)
            || !slots[Hm].TryOptionalDecimal(json, out var margin)
            || !slots[Pt].TryOptionalDecimal(json, out var pt)
            || !PositionFields.TryMarginMode(pt, out var mode)
            || !slots[Rp].TryOptionalDecimal(json, out var liquidation)
            || !slots[Ra].TryOptionalDecimal(json, out var realized)
            || !slots[Mr].TryOptionalDecimal(json, out var marginRate)
            || !slots[Oa].TryOptionalDecimal(json, out var initial)
            || !slots[Ccv].TryOptionalDecimal(json, out var closable))
        {
            return null;
        }
        return new PositionFields(id)
        {
            Instrument = instrument,
            Side = side,
            Quantity = quantity,
            EntryPrice = entry,
            Leverage = leverage,
            Margin = margin,
            MarginMode = mode,
            LiquidationPrice = liquidation,
            RealizedPnl = realized,
            MarginRate = marginRate,
            InitialMargin = initial,
            ClosableQuantity = closable,
        };
    }

    private static string? ScalarText(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number) || reader.ValueIsEscaped)
        {
            return null;
        }
        var isString = reader.TokenType == JsonTokenType.String;
        return new JsonSlot((int)reader.TokenStartIndex + (isString ? 1 : 0), reader.ValueSpan.Length, isString, Escaped: false).Text(json);
    }

    private readonly struct BalanceFields : IJsonFields
    {
        public static int FieldOf(ReadOnlySpan<byte> name) => name.Length switch
        {
            1 when name[0] == (byte)'c' => C,
            2 when name.SequenceEqual("an"u8) => An,
            2 when name.SequenceEqual("la"u8) => La,
            2 when name.SequenceEqual("pn"u8) => Pn,
            _ => -1,
        };
    }

    private readonly struct PositionFieldNames : IJsonFields
    {
        public static int FieldOf(ReadOnlySpan<byte> name) => name.Length switch
        {
            1 when name[0] == (byte)'s' => S,
            1 when name[0] == (byte)'l' => L,
            2 => Pair(name) switch
            {
                'i' | ('d' << 8) => Id,
                'c' | ('n' << 8) => Cn,
                'p' | ('v' << 8) => Pv,
                'o' | ('p' << 8) => Op,
                'h' | ('m' << 8) => Hm,
                'p' | ('t' << 8) => Pt,
                'r' | ('p' << 8) => Rp,
                'r' | ('a' << 8) => Ra,
                'm' | ('r' << 8) => Mr,
                'o' | ('a' << 8) => Oa,
                _ => -1,
            },
            3 when name.SequenceEqual("ccv"u8) => Ccv,
            _ => -1,
        };
    }

    private readonly struct AdlFields : IJsonFields
    {
        public static int FieldOf(ReadOnlySpan<byte> name) => name.Length != 2 ? -1 : Pair(name) switch
        {
            'i' | ('d' << 8) => AdlId,
            'a' | ('l' << 8) => Al,
            'r' | ('p' << 8) => AdlRp,
            'h' | ('a' << 8) => Ha,
            'm' | ('r' << 8) => AdlMr,
            'b' | ('o' << 8) => Bo,
            's' | ('o' << 8) => So,
            'l' | ('t' << 8) => Lt,
            't' | ('p' << 8) => Tp,
            _ => -1,
        };
    }

    // Most of ChainUP's names are two letters: one jump on both bytes instead of a comparison per candidate name, which
    // matters now that a position has ten such names and an ADL item nine.
    private static int Pair(ReadOnlySpan<byte> name) => name[0] | (name[1] << 8);
}
