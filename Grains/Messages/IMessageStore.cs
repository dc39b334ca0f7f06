using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Messages;

/// <summary>The append-only message log of conversations, kept outside grain state so it can grow without bound.</summary>
public interface IMessageStore
{
    /// <summary>Writes a message row. Writing the same sequence again replaces the row (an unacknowledged leftover of a crash).</summary>
    Task AppendAsync(Guid conversationId, ConversationMessage message, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ConversationMessage>> ReadAsync(Guid conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Copies messages 1..<paramref name="count"/> of one conversation into another (CHAT-3); repeating it is harmless.</summary>
    Task CopyAsync(Guid fromConversationId, Guid toConversationId, long count, CancellationToken cancellationToken = default);

    /// <summary>Deletes every row of a conversation (BIN-2).</summary>
    Task DeleteAllAsync(Guid conversationId, CancellationToken cancellationToken = default);
}
