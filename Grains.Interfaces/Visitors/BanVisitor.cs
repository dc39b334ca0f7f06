namespace Conversations.Grains.Interfaces.Visitors;

[GenerateSerializer, Immutable, Alias("Conversations.BanVisitor")]
public sealed record BanVisitor(
    [property: Id(0)] string VisitorId,
    [property: Id(1)] string? Ip,
    [property: Id(2)] string? Reason,
    [property: Id(3)] string BannedBy);
