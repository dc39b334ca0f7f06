namespace Conversations.Grains.Interfaces.Visitors;

[GenerateSerializer, Immutable, Alias("Conversations.VisitorDates")]
public sealed record VisitorDates(
    [property: Id(0)] DateTimeOffset CreatedAt,
    [property: Id(1)] DateTimeOffset UpdatedAt,
    [property: Id(2)] DateTimeOffset FirstSeenAt,
    [property: Id(3)] DateTimeOffset LastSeenAt);
