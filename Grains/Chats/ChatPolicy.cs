using Conversations.Grains.Conversations;
using Conversations.Grains.Inbox;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Realtime;

namespace Conversations.Grains.Chats;

/// <summary>
/// A chat's rules: open → closed, irreversibly (CHAT-2); only an open chat takes messages, and only its own visitor writes
/// as the visitor; it enters the inbox with its first message (INB-1); its messages commit by their rows alone.
/// </summary>
public sealed class ChatPolicy : IConversationPolicy<ChatState>
{
    public static readonly ChatPolicy Instance = new();

    private static readonly StatusTransitions<ChatStatus> Transitions = new(
        "chat",
        ChatStatus.Closed,
        _ => "This chat is closed, and closing is irreversible: it cannot be reopened. A new message starts a new chat.",
        (ChatStatus.Open, ChatStatus.Closed));

    public string Noun => "The chat";

    public ConversationKind Kind => ConversationKind.Chat;

    public bool RowsCommitMessages => true;

    /// <summary>True when the status changes, false when it is already <paramref name="to"/>; throws when refused (CHAT-2).</summary>
    public static bool ChangesStatus(ChatStatus from, ChatStatus to) => Transitions.Check(from, to);

    /// <summary>INB-1: a visitor who opened the widget and never wrote makes no row.</summary>
    public bool Listed(ChatState chat) => chat.MessageCount > 0;

    public long FirstSequence(ChatState chat) => 1;

    public bool Closed(ChatState chat) => chat.Status == ChatStatus.Closed;

    public void EnsureAcceptsMessages(ChatState chat)
    {
        if (chat.Status != ChatStatus.Open)
        {
            throw DomainException.Conflict("This chat is closed; a new message starts a new chat.");
        }
    }

    /// <summary>Who a message posted as the visitor is from: only the chat's own visitor (anyone else is told there is no such chat).</summary>
    public (string Id, string Name) Visitor(ChatState chat, string? authorId) =>
        authorId == chat.VisitorId ? (chat.VisitorId, chat.VisitorName) : throw DomainException.NotFound(Noun);

    public void EnsureMergeable(ChatState chat)
    {
    }

    /// <summary>MRG-1: a chat merged into a ticket is closed (irreversibly, as every close), so its visitor's next message starts a new chat.</summary>
    public IReadOnlyList<Func<long, ConversationEvent>> Seal(ChatState chat, Guid id, DateTimeOffset now)
    {
        if (chat.Status != ChatStatus.Open)
        {
            return [];
        }

        chat.Status = ChatStatus.Closed;
        return [v => new ChatClosed(chat.PropertyId, id, v, now) { ByMerge = true }];
    }

    /// <summary>While its cleanup is due, a purged chat keeps its visitor id: the cleanup removes the chat from that visitor's history.</summary>
    public ChatState Tombstone(ChatState chat, DateTimeOffset now, bool cleanupDue)
    {
        var tombstone = ConversationTombstone.Of(chat, now, cleanupDue);
        tombstone.VisitorId = cleanupDue ? chat.VisitorId : "";
        return tombstone;
    }

    public InboxRow InboxRow(Guid id, ChatState chat) => InboxRows.Of(id, chat);

    /// <summary>VIS-5: the visitor's latest message is the chat's last activity in the visitor's history.</summary>
    public void OnMessageApplied(ChatState chat, ConversationMessage message)
    {
        if (message.AuthorKind == AuthorKind.Visitor)
        {
            chat.LastVisitorMessageAt = message.At;
        }
    }

    public void OnCommitting(ChatState chat, IReadOnlyList<ConversationEvent> events)
    {
    }
}
