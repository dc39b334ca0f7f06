namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>
/// An agent has seen a chat up to <see cref="Sequence"/> (CHAT-1 seen marks, the visitor's side): published by the web node the
/// console called, on its property's visitor seen stream, so the visitor's widget gets it on any web node. Never stored.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.AgentSeen")]
public sealed record AgentSeen(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] long Sequence) : IConversationScoped;
