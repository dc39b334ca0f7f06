using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Inbox;

/// <summary>A version a conversation announced before writing it; Since is when the shard learned of it (or reloaded it).</summary>
public sealed record InboxExpectation(ConversationKind Kind, long Version, DateTimeOffset Since);
