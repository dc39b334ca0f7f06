namespace Conversations.Grains.Interfaces.Visitors;

/// <summary>Changes to About: a null field stays as it is, an empty one is cleared; tags, when given, replace the list.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.UpdateVisitorAbout")]
public sealed record UpdateVisitorAbout(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Email,
    [property: Id(2)] string? Phone,
    [property: Id(3)] string? JobTitle,
    [property: Id(4)] string? UserId,
    [property: Id(5)] IReadOnlyList<string>? Tags);
