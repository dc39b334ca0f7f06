using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Hosting.Attachments;

/// <summary>
/// The web node's write side of attachments that agents and visitors upload: each file is a blob under its conversation
/// (as an inbound email's files are), written before any message lists it; a message then names it by id, and the blob's
/// own headers say what it is, so a client cannot claim another name, type or size.
/// </summary>
public sealed class AttachmentUploads(BlobServiceClient blobs)
{
    private BlobContainerClient? _container;

    public async Task SaveAsync(Guid conversationId, MessageAttachment attachment, Stream content, CancellationToken cancellationToken)
    {
        var container = await ContainerAsync(cancellationToken);
        await container.GetBlobClient(StorageNames.AttachmentBlob(conversationId, attachment.Id)).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = attachment.ContentType },
            Metadata = new Dictionary<string, string> { [StorageNames.AttachmentNameMetadata] = Uri.EscapeDataString(attachment.Name) },
        }, cancellationToken);
    }

    /// <summary>The stored attachments with these ids under the conversation, in order; null when one of them is not there.</summary>
    public async Task<IReadOnlyList<MessageAttachment>?> FindAsync(Guid conversationId, IReadOnlyList<string> attachmentIds, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(StorageNames.AttachmentsContainer);
        var found = new List<MessageAttachment>(attachmentIds.Count);
        foreach (var id in attachmentIds.Distinct())
        {
            if (!StorageNames.IsAttachmentId(id))
            {
                return null;
            }

            try
            {
                var properties = (await container.GetBlobClient(StorageNames.AttachmentBlob(conversationId, id)).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
                var name = properties.Metadata.TryGetValue(StorageNames.AttachmentNameMetadata, out var escaped) ? Uri.UnescapeDataString(escaped) : "attachment";
                found.Add(new MessageAttachment(id, name, properties.ContentType, properties.ContentLength));
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
        }

        return found;
    }

    // Not cached until creation succeeds, so storage that was down at first use is retried.
    private async Task<BlobContainerClient> ContainerAsync(CancellationToken cancellationToken)
    {
        if (_container is { } ready)
        {
            return ready;
        }

        var container = blobs.GetBlobContainerClient(StorageNames.AttachmentsContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return _container = container;
    }
}
