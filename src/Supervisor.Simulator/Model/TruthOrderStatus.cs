using System.Text.Json.Serialization;

namespace Supervisor.Simulator.Model;

/// <summary>Where a truth order stands. Serialized by name, so the truth endpoint's JSON reads as words.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TruthOrderStatus>))]
public enum TruthOrderStatus
{
    New,
    PartiallyFilled,
    Filled,
    Cancelled,
}
