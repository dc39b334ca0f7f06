using Conversations.Grains.Interfaces.Properties;

namespace Conversations.Grains.Interfaces.Agents;

/// <summary>
/// An agent's role on a property changed, or ended when <see cref="Role"/> is null (ADM-4). Every web node hears it on
/// <see cref="Realtime.StreamTopics.Access"/> and drops what it granted on the old role: cached roles, and on removal
/// the agent's live feeds of the property (OPS-2).
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.AgentAccessChanged")]
public sealed record AgentAccessChanged(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] Guid AgentId,
    [property: Id(2)] PropertyRole? Role,
    [property: Id(3)] DateTimeOffset At);
