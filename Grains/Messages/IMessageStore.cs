using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Messages;

/// <summary>The append-only message log of conversations, kept outside grain state so it can grow without bound.</summary>
public interface IMessageStore
{
    /// <summary>Writes a message row. Writing the same sequence again replaces the row (an unacknowledged leftover of a crash).</summary>
    Task AppendAsync(Guid conversationId, ConversationMessage message, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ConversationMessage>> ReadAsync(Guid conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken = default);
}
