namespace Supervisor.Venues.Rest;

/// <summary>The headers that authenticate one REST call; the body and query must be sent exactly as signed.</summary>
public sealed record SignedRequest(string Method, string PathAndQuery, string Body, IReadOnlyDictionary<string, string> Headers);
