namespace Conversations.Grains.Interfaces.Visitors;

[GenerateSerializer, Immutable, Alias("Conversations.OrganizationDraft")]
public sealed record OrganizationDraft(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Domain,
    [property: Id(2)] string? Notes);
