namespace Conversations.Grains.Interfaces.Visitors;

[GenerateSerializer, Immutable, Alias("Conversations.OrganizationView")]
public sealed record OrganizationView(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] string OrganizationId,
    [property: Id(2)] string Name,
    [property: Id(3)] string? Domain,
    [property: Id(4)] string? Notes,
    [property: Id(5)] IReadOnlyList<string> ContactVisitorIds,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset UpdatedAt);
