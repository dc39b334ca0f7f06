namespace Conversations.Grains.Interfaces.Visitors;

/// <summary>Social profile links (http/https only); a null or empty link is cleared.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.VisitorSocial")]
public sealed record VisitorSocial(
    [property: Id(0)] string? Facebook,
    [property: Id(1)] string? LinkedIn,
    [property: Id(2)] string? Twitter,
    [property: Id(3)] string? Instagram);
