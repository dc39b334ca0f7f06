namespace Conversations.Web.Realtime;

/// <summary>The visitor (to agents) or an agent (to the visitor) has seen the chat up to <see cref="Sequence"/>; the hub message "seen", never stored.</summary>
public sealed record SeenNotice(Guid ConversationId, long Sequence);
