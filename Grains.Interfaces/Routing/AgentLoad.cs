namespace Conversations.Grains.Interfaces.Routing;

/// <summary>What routing counts for one agent now: open conversations assigned to them against their capacity, and presence.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.AgentLoad")]
public sealed record AgentLoad(
    [property: Id(0)] Guid AgentId,
    [property: Id(1)] bool Online,
    [property: Id(2)] int Chats,
    [property: Id(3)] int ChatCapacity,
    [property: Id(4)] int Tickets,
    [property: Id(5)] int TicketCapacity);
