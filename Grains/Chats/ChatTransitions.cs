using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Chats;

/// <summary>A chat's status moves one way only: open → closed (CHAT-2). Closing is irreversible.</summary>
public static class ChatTransitions
{
    private static readonly HashSet<(ChatStatus From, ChatStatus To)> Allowed =
    [
        (ChatStatus.Open, ChatStatus.Closed),
    ];

    /// <summary>True when the status changes, false when it is already <paramref name="to"/>; throws when refused.</summary>
    public static bool Check(ChatStatus from, ChatStatus to)
    {
        if (!Enum.IsDefined(to) || to == ChatStatus.None)
        {
            throw DomainException.Invalid($"'{to}' is not a chat status.");
        }

        if (from == to)
        {
            return false;
        }

        if (from == ChatStatus.Closed)
        {
            throw DomainException.Irreversible("This chat is closed, and closing is irreversible: it cannot be reopened. A new message starts a new chat.");
        }

        return Allowed.Contains((from, to)) ? true : throw DomainException.Conflict($"A chat cannot go from {from} to {to}.");
    }
}
