using Conversations.Grains.Conversations;
using Conversations.Grains.Interfaces.Chats;

namespace Conversations.Grains.Chats;

/// <summary>A chat's status moves one way only: open → closed (CHAT-2). Closing is irreversible.</summary>
public static class ChatTransitions
{
    private static readonly StatusTransitions<ChatStatus> Table = new(
        "chat",
        ChatStatus.Closed,
        _ => "This chat is closed, and closing is irreversible: it cannot be reopened. A new message starts a new chat.",
        (ChatStatus.Open, ChatStatus.Closed));

    /// <summary>True when the status changes, false when it is already <paramref name="to"/>; throws when refused.</summary>
    public static bool Check(ChatStatus from, ChatStatus to) => Table.Check(from, to);
}
