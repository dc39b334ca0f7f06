namespace Conversations.Grains.Interfaces.Collision;

/// <summary>COL-1: an agent viewing a conversation, replying when one of their connections writes a reply in it.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.ConversationWatcher")]
public sealed record ConversationWatcher(
    [property: Id(0)] Guid AgentId,
    [property: Id(1)] string AgentName,
    [property: Id(2)] bool IsReplying);
