namespace Supervisor.Venues.Decoding;

/// <summary>The fields a hot-path reader wants from one kind of object: a property name to its slot index, negative for the rest.</summary>
internal interface IJsonFields
{
    static abstract int FieldOf(ReadOnlySpan<byte> name);
}
