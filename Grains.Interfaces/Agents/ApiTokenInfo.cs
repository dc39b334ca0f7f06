namespace Conversations.Grains.Interfaces.Agents;

/// <summary>A personal API token as its owner sees it later: never the secret itself.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.ApiTokenInfo")]
public sealed record ApiTokenInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset CreatedAt);
