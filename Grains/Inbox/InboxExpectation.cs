using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Inbox;

/// <summary>
/// A version a conversation announced before writing it. Since is when the latest one arrived (or was reloaded).
/// A reloaded expectation may stand for later versions that were announced while it was already durable,
/// so its conversation is asked for its row whatever the versions say.
/// </summary>
public sealed record InboxExpectation(ConversationKind Kind, long Version, DateTimeOffset Since, bool Reloaded = false);
