using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Messages;

/// <summary>The append-only message log of conversations, kept outside grain state so it can grow without bound.</summary>
public interface IMessageStore
{
    /// <summary>Writes a message row. Writing the same sequence again replaces the row (an unacknowledged leftover of a crash).</summary>
    Task AppendAsync(Guid conversationId, ConversationMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a message row that commits the message on its own, as the change of <paramref name="version"/>.
    /// False when the sequence is taken already: a write of an earlier activation landed after it gave up.
    /// </summary>
    Task<bool> TryCommitAsync(Guid conversationId, ConversationMessage message, long version, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ConversationMessage>> ReadAsync(Guid conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>The rows after <paramref name="afterSequence"/> with the version each was committed as (0 for rows written by <see cref="AppendAsync"/>).</summary>
    Task<IReadOnlyList<CommittedMessage>> ReadCommittedAsync(Guid conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Copies messages 1..<paramref name="count"/> of one conversation into another (CHAT-3); repeating it is harmless.</summary>
    Task CopyAsync(Guid fromConversationId, Guid toConversationId, long count, CancellationToken cancellationToken = default);

    /// <summary>Deletes every row of a conversation (BIN-2).</summary>
    Task DeleteAllAsync(Guid conversationId, CancellationToken cancellationToken = default);
}
