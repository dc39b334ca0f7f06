namespace Conversations.Grains.Interfaces.Visitors;

[GenerateSerializer, Immutable, Alias("Conversations.VisitorAbout")]
public sealed record VisitorAbout(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Email,
    [property: Id(2)] string? Phone,
    [property: Id(3)] string? JobTitle,
    [property: Id(4)] string? UserId,
    [property: Id(5)] IReadOnlyList<string> Tags);
