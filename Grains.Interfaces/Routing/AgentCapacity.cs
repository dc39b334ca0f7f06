namespace Conversations.Grains.Interfaces.Routing;

/// <summary>How many open chats and open tickets routing gives one agent at most (RTE-1); 0 means none of that kind.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.AgentCapacity")]
public sealed record AgentCapacity(
    [property: Id(0)] Guid AgentId,
    [property: Id(1)] int Chats,
    [property: Id(2)] int Tickets);
