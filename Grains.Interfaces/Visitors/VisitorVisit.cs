namespace Conversations.Grains.Interfaces.Visitors;

/// <summary>
/// What the web node saw when the widget opened a session; the location is resolved there from the IP.
/// <see cref="VerifiedUserId"/> is the site's own user id when the site vouched for it (HMAC checked).
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.VisitorVisit")]
public sealed record VisitorVisit(
    [property: Id(0)] string? Ip,
    [property: Id(1)] VisitorLocation? Location,
    [property: Id(2)] VisitorDevice? Device,
    [property: Id(3)] string? VerifiedUserId = null);
