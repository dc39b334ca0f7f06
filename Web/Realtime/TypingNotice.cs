using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;

namespace Conversations.Web.Realtime;

/// <summary>Someone started or stopped typing in a conversation; sent as the hub message "typing", never stored.</summary>
public sealed record TypingNotice(Guid ConversationId, AuthorKind AuthorKind, string? AuthorName, bool IsTyping)
{
    public static TypingNotice Of(TypingChanged typing) => new(typing.ConversationId, typing.AuthorKind, typing.AuthorName, typing.IsTyping);
}
