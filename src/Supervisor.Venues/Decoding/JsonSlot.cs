using System.Text;
using System.Text.Json;

namespace Supervisor.Venues.Decoding;

/// <summary>
/// Where one field's scalar value sits in a frame (inside the quotes for strings), noted during a single
/// <see cref="Utf8JsonReader"/> pass and read afterwards. The hot-path readers use it to decode without a DOM; anything
/// escaped or of the wrong kind reads as null, so the reader declines the frame and the general path decides.
/// </summary>
internal readonly record struct JsonSlot(int Start, int Length, bool IsString, bool Escaped)
{
    /// <summary>Present, but not a value a hot path reads (null, true, an object): whatever needs it declines the frame.</summary>
    public static JsonSlot Unreadable => new(-1, 0, true, true);

    public bool Present => Length > 0 || IsString;

    /// <summary>Reads the properties of the object the reader is on into <paramref name="item"/>; false unless the object ends properly.</summary>
    /// <remarks>The field table is a type argument, not a delegate, so the JIT inlines its lookup into this loop.</remarks>
    public static bool ReadObject<TFields>(ref Utf8JsonReader reader, scoped Span<JsonSlot> item)
        where TFields : IJsonFields
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }
        item.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueIsEscaped ? -1 : TFields.FieldOf(reader.ValueSpan);
            reader.Read();
            var scalar = reader.TokenType is JsonTokenType.String or JsonTokenType.Number;
            if (field < 0 || !scalar)
            {
                if (field >= 0)
                {
                    item[field] = Unreadable;
                }
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
                continue;
            }
            var isString = reader.TokenType == JsonTokenType.String;
            item[field] = new JsonSlot((int)reader.TokenStartIndex + (isString ? 1 : 0), reader.ValueSpan.Length, isString, reader.ValueIsEscaped);
        }
        return reader.TokenType == JsonTokenType.EndObject;
    }

    public bool Is(ReadOnlySpan<byte> frame, ReadOnlySpan<byte> text) =>
        Present && !Escaped && frame.Slice(Start, Length).SequenceEqual(text);

    /// <summary>The value's bytes as written, or empty when absent, escaped or unreadable: equal to no non-empty literal.</summary>
    public ReadOnlySpan<byte> Bytes(ReadOnlySpan<byte> frame) => Present && !Escaped ? frame.Slice(Start, Length) : default;

    public string? Text(ReadOnlySpan<byte> frame) =>
        !Present || Escaped ? null : Encoding.UTF8.GetString(frame.Slice(Start, Length));

    public decimal? Decimal(ReadOnlySpan<byte> frame) =>
        Present && !Escaped && Number.TryParse(frame.Slice(Start, Length), out var value) ? value : null;

    /// <summary>
    /// An optional decimal: false when the field is present but not a readable number (the hot path then declines the
    /// frame), otherwise true with <paramref name="value"/> null for an absent field.
    /// </summary>
    public bool TryOptionalDecimal(ReadOnlySpan<byte> frame, out decimal? value)
    {
        // Written straight into the caller's variable: no decimal? passed back and copied again.
        if (!Present)
        {
            value = null;
            return true;
        }
        if (!Escaped && Number.TryParse(frame.Slice(Start, Length), out var parsed))
        {
            value = parsed;
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>An optional epoch-milliseconds time, read as <see cref="TryOptionalDecimal"/>; out of range declines too.</summary>
    public bool TryOptionalTimestamp(ReadOnlySpan<byte> frame, out DateTimeOffset? value)
    {
        if (Present && !Escaped && Timestamps.TryParseWholeMilliseconds(frame.Slice(Start, Length), out var whole))
        {
            value = whole;
            return true;
        }
        value = null;
        if (!TryOptionalDecimal(frame, out var ms))
        {
            return false;
        }
        if (ms is { } milliseconds)
        {
            if (!Timestamps.TryFromEpochMilliseconds(milliseconds, out var at))
            {
                return false;
            }
            value = at;
        }
        return true;
    }

    /// <summary>A decimal, or <paramref name="fallback"/> when the field is absent (null when present but unreadable).</summary>
    public decimal? DecimalOr(ReadOnlySpan<byte> frame, decimal fallback) => Present ? Decimal(frame) : fallback;
}

