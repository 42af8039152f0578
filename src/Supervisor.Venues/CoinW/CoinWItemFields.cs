using Supervisor.Venues.Decoding;

namespace Supervisor.Venues.CoinW;

/// <summary>The fields of an order, position or assets record the push reader notes, by slot index.</summary>
internal readonly struct CoinWItemFields : IJsonFields
{
    public const int Count = 35;
    public const int Id = 0, Instrument = 1, Direction = 2, OrderPrice = 3, TotalPiece = 4, CurrentPiece = 5, OrderStatus = 6, PosType = 7,
        OriginalType = 8, TriggerPrice = 9, Status = 10, OpenPrice = 11, Leverage = 12, Margin = 13, Currency = 14, Available = 15, Freeze = 16, Hold = 17,
        PositionModel = 18, PositionMargin = 19, Fee = 20, FrozenFee = 21, MakerFee = 22, TakerFee = 23, BaseSize = 24, LiquidateBy = 25,
        Source = 26, CreatedDate = 27, UpdatedDate = 28, FundingSettle = 29, ClosedPiece = 30, AvailableMargin = 31, TransferAvailable = 32,
        ProfitUnreal = 33, AlmightyGold = 34;

    // Length and first letter pick the one candidate, so a name costs at most one comparison.
    public static int FieldOf(ReadOnlySpan<byte> name) => name.Length < 2 ? -1 : (name.Length, name[0]) switch
    {
        (2, (byte)'i') => Is(name, "id"u8, Id),
        (3, (byte)'f') => Is(name, "fee"u8, Fee),
        (4, (byte)'h') => Is(name, "hold"u8, Hold),
        // The two names that share a length and a first letter part on the second.
        (6, (byte)'s') => name[1] == (byte)'o' ? Is(name, "source"u8, Source) : Is(name, "status"u8, Status),
        (6, (byte)'m') => Is(name, "margin"u8, Margin),
        (6, (byte)'f') => Is(name, "freeze"u8, Freeze),
        (7, (byte)'p') => Is(name, "posType"u8, PosType),
        (8, (byte)'b') => Is(name, "baseSize"u8, BaseSize),
        (8, (byte)'c') => Is(name, "currency"u8, Currency),
        (8, (byte)'l') => Is(name, "leverage"u8, Leverage),
        (8, (byte)'m') => Is(name, "makerFee"u8, MakerFee),
        (8, (byte)'t') => Is(name, "takerFee"u8, TakerFee),
        (9, (byte)'a') => Is(name, "available"u8, Available),
        (9, (byte)'d') => Is(name, "direction"u8, Direction),
        (9, (byte)'f') => Is(name, "frozenFee"u8, FrozenFee),
        (9, (byte)'o') => Is(name, "openPrice"u8, OpenPrice),
        (10, (byte)'i') => Is(name, "instrument"u8, Instrument),
        (10, (byte)'o') => Is(name, "orderPrice"u8, OrderPrice),
        (10, (byte)'t') => Is(name, "totalPiece"u8, TotalPiece),
        (11, (byte)'c') => name[1] == (byte)'l' ? Is(name, "closedPiece"u8, ClosedPiece) : Is(name, "createdDate"u8, CreatedDate),
        (11, (byte)'l') => Is(name, "liquidateBy"u8, LiquidateBy),
        (11, (byte)'o') => Is(name, "orderStatus"u8, OrderStatus),
        (11, (byte)'u') => Is(name, "updatedDate"u8, UpdatedDate),
        (12, (byte)'a') => Is(name, "almightyGold"u8, AlmightyGold),
        (12, (byte)'c') => Is(name, "currentPiece"u8, CurrentPiece),
        (12, (byte)'o') => Is(name, "originalType"u8, OriginalType),
        (12, (byte)'p') => Is(name, "profitUnreal"u8, ProfitUnreal),
        (12, (byte)'t') => Is(name, "triggerPrice"u8, TriggerPrice),
        (13, (byte)'f') => Is(name, "fundingSettle"u8, FundingSettle),
        (13, (byte)'p') => Is(name, "positionModel"u8, PositionModel),
        (14, (byte)'p') => Is(name, "positionMargin"u8, PositionMargin),
        (15, (byte)'a') => Is(name, "availableMargin"u8, AvailableMargin),
        (17, (byte)'t') => Is(name, "transferAvailable"u8, TransferAvailable),
        _ => -1,
    };

    private static int Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> expected, int field) => name.SequenceEqual(expected) ? field : -1;
}
