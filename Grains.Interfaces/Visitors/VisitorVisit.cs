namespace Conversations.Grains.Interfaces.Visitors;

/// <summary>What the web node saw when the widget opened a session; the location is resolved there from the IP.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.VisitorVisit")]
public sealed record VisitorVisit(
    [property: Id(0)] string? Ip,
    [property: Id(1)] VisitorLocation? Location,
    [property: Id(2)] VisitorDevice? Device);
