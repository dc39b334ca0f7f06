namespace Conversations.Grains.Interfaces.Visitors;

[GenerateSerializer, Immutable, Alias("Conversations.VisitorSessions")]
public sealed record VisitorSessions(
    [property: Id(0)] DateTimeOffset? FirstSessionAt,
    [property: Id(1)] DateTimeOffset? LatestSessionAt,
    [property: Id(2)] int TotalSessions,
    [property: Id(3)] long PageViews,
    [property: Id(4)] TimeSpan TimeInChat);
