namespace Conversations.Grains.Interfaces.Common;

/// <summary>A message between agents (TIC-4); never shown to the visitor. <see cref="CommandId"/> is an idempotency key.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.PostWhisper")]
public sealed record PostWhisper(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] string CommandId,
    [property: Id(2)] string AgentId,
    [property: Id(3)] string AgentName,
    [property: Id(4)] string Text);
