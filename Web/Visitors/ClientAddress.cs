using System.Net;
using Microsoft.Extensions.Options;

namespace Conversations.Web.Visitors;

/// <summary>
/// The visitor's IP address: the connection's, or, behind a trusted proxy, the last X-Forwarded-For entry: the address
/// that proxy saw. Earlier entries come from the client and could be anything, so a visitor cannot pick an address to
/// escape an IP ban or a per-address limit (the Container Apps ingress appends; the local load balancer sets one entry).
/// </summary>
public sealed class ClientAddress(IOptions<VisitorSettings> options)
{
    public IPAddress? Of(HttpContext? http)
    {
        if (http is null)
        {
            return null;
        }

        if (options.Value.TrustForwardedFor
            && http.Request.Headers["X-Forwarded-For"].ToString().Split(',')[^1].Trim() is { Length: > 0 } forwarded
            && IPAddress.TryParse(forwarded, out var parsed))
        {
            return Normalize(parsed);
        }

        return http.Connection.RemoteIpAddress is { } remote ? Normalize(remote) : null;
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
