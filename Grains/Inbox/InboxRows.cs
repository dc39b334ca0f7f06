using Conversations.Grains.Chats;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Tickets;

namespace Conversations.Grains.Inbox;

/// <summary>A conversation grain's state as its inbox row (INB-3).</summary>
public static class InboxRows
{
    public static InboxRow Of(Guid id, ChatState chat) => new(
        id, chat.PropertyId, ConversationKind.Chat, chat.Status == ChatStatus.Closed ? InboxStatus.Closed : InboxStatus.Open, chat.Bin,
        chat.VisitorName, chat.VisitorEmail, chat.Assignee?.Kind ?? AssigneeKind.None, chat.Assignee?.Id, chat.MessageCount, chat.CreatedAt, chat.UpdatedAt,
        chat.Rating?.Value ?? ChatRatingValue.None, 0, chat.Tags.ToArray(), chat.Version, MergedIntoId: chat.MergedIntoId);

    /// <summary>A ticket's row; <paramref name="messageCount"/> is its visible transcript's (a merge or split rewrites it, MRG-1).</summary>
    public static InboxRow Of(Guid id, TicketState ticket, long messageCount) => new(
        id, ticket.PropertyId, ConversationKind.Ticket, (InboxStatus)ticket.Status, ticket.Bin,
        ticket.Subject, ticket.Requester?.Email, ticket.Assignee?.Kind ?? AssigneeKind.None, ticket.Assignee?.Id, messageCount,
        ticket.CreatedAt, ticket.UpdatedAt, ChatRatingValue.None, (int)ticket.Priority, ticket.Tags.ToArray(), ticket.Version, MergedIntoId: ticket.MergedIntoId);
}
