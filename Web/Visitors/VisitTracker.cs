using Conversations.Grains.Interfaces.Visitors;

namespace Conversations.Web.Visitors;

/// <summary>Tells a visitor grain what this web node sees of the visitor: IP, its location, and the device.</summary>
public sealed class VisitTracker(IClusterClient cluster, ClientAddress addresses, GeoIpLocator geoIp)
{
    public Task<VisitorProfile> RecordVisitAsync(string propertyId, string visitorId, HttpContext http, string? verifiedUserId)
    {
        var address = addresses.Of(http);
        var visit = new VisitorVisit(
            address?.ToString(), geoIp.Locate(address), UserAgentParser.Parse(http.Request.Headers.UserAgent.ToString()), verifiedUserId);
        return Visitor(propertyId, visitorId).RecordVisitAsync(visit);
    }

    public IVisitorGrain Visitor(string propertyId, string visitorId) =>
        cluster.GetGrain<IVisitorGrain>(VisitorKey.For(propertyId, visitorId));
}
