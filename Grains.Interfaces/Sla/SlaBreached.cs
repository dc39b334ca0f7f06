namespace Conversations.Grains.Interfaces.Sla;

/// <summary>A conversation missed a target (SLA-1): sent live to the property's agents (the console alerts its assignee), never stored.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.SlaBreached")]
public sealed record SlaBreached(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] Guid ConversationId,
    [property: Id(2)] SlaTarget Target,
    [property: Id(3)] DateTimeOffset DueAt,
    [property: Id(4)] Guid? AgentId);
