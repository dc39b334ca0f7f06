using Conversations.Grains.Interfaces.Agents;

namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>An agent went online, away or offline; published on each of their properties' presence streams.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.AgentPresenceChanged")]
public sealed record AgentPresenceChanged(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] Guid AgentId,
    [property: Id(2)] string Name,
    [property: Id(3)] AgentPresence Presence,
    [property: Id(4)] DateTimeOffset At);
