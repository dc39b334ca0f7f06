namespace Conversations.Grains.Interfaces.Agents;

[GenerateSerializer, Immutable, Alias("Conversations.AgentView")]
public sealed record AgentView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Email,
    [property: Id(2)] string Name,
    [property: Id(3)] AgentPresence Presence,
    [property: Id(4)] IReadOnlyList<AgentMembership> Memberships);
