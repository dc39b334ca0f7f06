namespace Conversations.Grains.Interfaces.Properties;

[GenerateSerializer, Immutable, Alias("Conversations.PropertyMember")]
public sealed record PropertyMember([property: Id(0)] Guid AgentId, [property: Id(1)] PropertyRole Role);
