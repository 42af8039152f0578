namespace Supervisor.Venues.Rest;

/// <summary>A failed snapshot call: the kind and a message that names the venue's code, never a credential.</summary>
public sealed record RestError(RestErrorKind Kind, string Message);
