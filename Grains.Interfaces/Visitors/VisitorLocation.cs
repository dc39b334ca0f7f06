namespace Conversations.Grains.Interfaces.Visitors;

/// <summary>Where an IP address is, as far as the GeoIP database knows (country is the ISO 3166-1 alpha-2 code).</summary>
[GenerateSerializer, Immutable, Alias("Conversations.VisitorLocation")]
public sealed record VisitorLocation(
    [property: Id(0)] string? Country,
    [property: Id(1)] string? Region,
    [property: Id(2)] string? City);
