using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Email;

/// <summary>Where message attachments are kept (blob storage in the product), with their content type and file name.</summary>
public interface IAttachmentStore
{
    /// <summary>Writes (or rewrites, for a redelivered email) one attachment under its conversation.</summary>
    Task SaveAsync(Guid conversationId, MessageAttachment attachment, BinaryData content, CancellationToken cancellationToken = default);

    /// <summary>One attachment's content, or null when it is not stored (any more).</summary>
    Task<BinaryData?> ReadAsync(Guid conversationId, string attachmentId, CancellationToken cancellationToken = default);

    /// <summary>Copies every attachment of one conversation to another under the same ids (a chat's files to its ticket); repeating it is harmless.</summary>
    Task CopyAllAsync(Guid fromConversationId, Guid toConversationId, CancellationToken cancellationToken = default);

    /// <summary>Deletes every attachment of a conversation (BIN-2); repeating it is harmless.</summary>
    Task DeleteAllAsync(Guid conversationId, CancellationToken cancellationToken = default);
}
