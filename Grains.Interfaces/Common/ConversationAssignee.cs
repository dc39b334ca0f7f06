using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Interfaces.Common;

/// <summary>The agent or department a chat (CHAT-1) or ticket (TIC-6) is assigned to, by id.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.ConversationAssignee")]
public sealed record ConversationAssignee(
    [property: Id(0)] AssigneeKind Kind,
    [property: Id(1)] string Id);
