using Conversations.Grains.Interfaces.Common;

namespace Conversations.Web.Realtime;

/// <summary>Someone started or stopped typing in a conversation; sent as the hub message "typing", never stored.</summary>
public sealed record TypingNotice(Guid ConversationId, AuthorKind AuthorKind, string? AuthorName, bool IsTyping);
