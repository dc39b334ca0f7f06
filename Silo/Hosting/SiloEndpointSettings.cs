using Conversations.Hosting.Settings;
using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;

namespace Conversations.Silo.Hosting;

/// <summary><c>Conversations:Silo:*</c>: where this silo listens inside the cluster.</summary>
public sealed class SiloEndpointSettings
{
    public const string SectionName = "Conversations:Silo";

    [Range(1, 65535, ErrorMessage = SectionName + ":SiloPort must be between 1 and 65535.")]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535, ErrorMessage = SectionName + ":GatewayPort must be between 1 and 65535.")]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other nodes reach this silo at: an IP, "auto" (this host's first IPv4 address, for containers), or loopback when empty.</summary>
    public string? AdvertisedAddress { get; set; }

    public IPAddress ResolveAdvertisedAddress() => AdvertisedAddress switch
    {
        null or "" => IPAddress.Loopback,
        "auto" => Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? throw new InvalidSettingsException("Conversations:Silo:AdvertisedAddress is 'auto' but this host has no IPv4 address."),
        var text when IPAddress.TryParse(text, out var address) => address,
        var text => throw new InvalidSettingsException($"Conversations:Silo:AdvertisedAddress '{text}' is not an IP address or 'auto'."),
    };
}
