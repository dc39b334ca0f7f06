namespace Conversations.Grains.Interfaces.Visitors;

[GenerateSerializer, Immutable, Alias("Conversations.VisitorBan")]
public sealed record VisitorBan(
    [property: Id(0)] string VisitorId,
    [property: Id(1)] string? Ip,
    [property: Id(2)] string? Reason,
    [property: Id(3)] string BannedBy,
    [property: Id(4)] DateTimeOffset At);
