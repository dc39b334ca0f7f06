using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Tests.Inbox;

/// <summary>Hand-made inbox rows for the unit tests of the index's parts.</summary>
public static class InboxTestRows
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A ticket (or a chat, with priority 0) in the inbox, updated <paramref name="minutes"/> after <see cref="Monday"/>.</summary>
    public static InboxRow Row(
        int minutes,
        ConversationKind kind = ConversationKind.Ticket,
        InboxStatus status = InboxStatus.Open,
        BinState place = BinState.Inbox,
        string? assignee = null,
        long messages = 1,
        int priority = 3,
        string[]? tags = null,
        long version = 1,
        Guid? id = null) =>
        new(
            id ?? Guid.NewGuid(), "p", kind, status, place, $"Title {minutes}", kind == ConversationKind.Ticket ? "r@example.com" : null,
            assignee is null ? AssigneeKind.None : AssigneeKind.Agent, assignee, messages, Monday.AddDays(-1), Monday.AddMinutes(minutes),
            ChatRatingValue.None, kind == ConversationKind.Chat ? 0 : priority, tags ?? [], version);
}
