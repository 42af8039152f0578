namespace Supervisor.Simulator.Model;

/// <summary>An account the simulator serves: its venue ("coinw" or a ChainUP tenant), credentials and broker id.</summary>
public sealed record SimAccount(string Id, string Venue, string ApiKey, string Secret, int Broker = 1003)
{
    /// <summary>Whether the account speaks the ChainUP protocol.</summary>
    public bool IsChainUp => Venue != "coinw";
}
