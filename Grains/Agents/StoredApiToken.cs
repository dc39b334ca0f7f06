using Conversations.Grains.Interfaces.Agents;

namespace Conversations.Grains.Agents;

[GenerateSerializer, Immutable, Alias("Conversations.StoredApiToken")]
public sealed record StoredApiToken([property: Id(0)] ApiTokenInfo Info, [property: Id(1)] string Hash);
