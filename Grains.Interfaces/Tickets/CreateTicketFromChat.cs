using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Tickets;

/// <summary>Sent by a chat converting itself (CHAT-3): the ticket copies the chat's first <see cref="MessageCount"/> messages.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.CreateTicketFromChat")]
public sealed record CreateTicketFromChat(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] Guid ChatId,
    [property: Id(2)] long MessageCount,
    [property: Id(3)] string Subject,
    [property: Id(4)] TicketRequester Requester,
    [property: Id(5)] ConversationAssignee? Assignee = null);
