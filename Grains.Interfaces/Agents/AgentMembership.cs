using Conversations.Grains.Interfaces.Properties;

namespace Conversations.Grains.Interfaces.Agents;

[GenerateSerializer, Immutable, Alias("Conversations.AgentMembership")]
public sealed record AgentMembership([property: Id(0)] string PropertyId, [property: Id(1)] PropertyRole Role);
