namespace Supervisor.Actors.Protocol;

/// <summary>An account's API key and secret. The secret is never printed: <see cref="ToString"/> masks it.</summary>
public sealed class ApiCredentials(string apiKey, string secret)
{
    /// <summary>The API key (not secret, but still only shown shortened).</summary>
    public string ApiKey { get; } = apiKey ?? throw new ArgumentNullException(nameof(apiKey));

    /// <summary>The secret.</summary>
    public string Secret { get; } = secret ?? throw new ArgumentNullException(nameof(secret));

    /// <inheritdoc />
    public override string ToString() => $"api key {(ApiKey.Length > 4 ? ApiKey[..4] : "")}…, secret ***";
}
