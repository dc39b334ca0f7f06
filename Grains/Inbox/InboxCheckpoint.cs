using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Inbox;

/// <summary>What a shard keeps of one conversation: its row (if indexed yet) and a version it was told to expect but has not seen.</summary>
public sealed record InboxCheckpoint(Guid Id, InboxRow? Row, InboxExpectation? Expected);
