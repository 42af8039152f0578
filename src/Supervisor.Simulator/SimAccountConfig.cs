namespace Supervisor.Simulator;

/// <summary>Credentials and identity of one simulated sub-account.</summary>
/// <param name="Id">Simulator-wide account id used by the control and truth endpoints.</param>
/// <param name="Venue">Venue the account lives on.</param>
/// <param name="ApiKey">API key (CoinW login and REST, ChainUP header/body and REST).</param>
/// <param name="Secret">API secret (CoinW login passphrase and REST signing, ChainUP REST signing).</param>
/// <param name="UserId">Venue user id put into pushes.</param>
/// <param name="Token">ChainUP session token accepted instead of the api key; null for CoinW.</param>
/// <param name="Broker">ChainUP broker (tenant) id required in the sub frame.</param>
public sealed record SimAccountConfig(
    string Id, SimVenue Venue, string ApiKey, string Secret, long UserId, string? Token = null, int Broker = 1003);
