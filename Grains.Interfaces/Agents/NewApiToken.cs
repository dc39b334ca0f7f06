namespace Conversations.Grains.Interfaces.Agents;

/// <summary>A token just created: <see cref="Secret"/> is shown this once and stored only as a hash.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.NewApiToken")]
public sealed record NewApiToken([property: Id(0)] ApiTokenInfo Info, [property: Id(1)] string Secret);
