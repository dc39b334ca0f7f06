namespace Conversations.Silo.Hosting;

/// <summary><c>Conversations:Silo:*</c>: where this silo listens inside the cluster.</summary>
public sealed class SiloEndpointSettings
{
    public const string SectionName = "Conversations:Silo";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other nodes reach this silo at; loopback when empty.</summary>
    public string? AdvertisedAddress { get; set; }
}
