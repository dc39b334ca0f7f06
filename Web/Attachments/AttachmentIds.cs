using Conversations.Grains.Interfaces.Common;
using Conversations.Hosting.Attachments;

namespace Conversations.Web.Attachments;

public static class AttachmentIds
{
    /// <summary>
    /// The uploaded attachments a message names by id, as stored under its conversation; null for none.
    /// An id that is not an upload of this conversation is refused (422), so nobody lists another chat's file.
    /// </summary>
    public static async Task<IReadOnlyList<MessageAttachment>?> ResolveAsync(
        this AttachmentUploads uploads, Guid conversationId, IReadOnlyList<string>? attachmentIds, CancellationToken cancellationToken)
    {
        if (attachmentIds is null or { Count: 0 })
        {
            return null;
        }

        if (attachmentIds.Count > MessageAttachment.MaxPerMessage)
        {
            throw DomainException.Invalid($"A message holds at most {MessageAttachment.MaxPerMessage} attachments.");
        }

        return await uploads.FindAsync(conversationId, attachmentIds, cancellationToken)
            ?? throw DomainException.Invalid("An attachment of this message was not found: upload it to this conversation first.");
    }
}
