namespace Conversations.Grains.Interfaces.Collision;

/// <summary>COL-1: one console connection has <see cref="ConversationId"/> open, and whether its agent is writing a reply in it.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.WatchReport")]
public sealed record WatchReport(
    [property: Id(0)] string ConnectionId,
    [property: Id(1)] Guid AgentId,
    [property: Id(2)] string AgentName,
    [property: Id(3)] Guid ConversationId,
    [property: Id(4)] bool IsReplying);
