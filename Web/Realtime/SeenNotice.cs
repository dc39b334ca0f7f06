namespace Conversations.Web.Realtime;

/// <summary>The visitor has seen their chat up to <see cref="Sequence"/>; sent to agents as the hub message "seen", never stored.</summary>
public sealed record SeenNotice(Guid ConversationId, long Sequence);
