using Azure;
using Azure.Storage.Blobs;

namespace Conversations.Hosting.Attachments;

/// <summary>
/// The web node's read side of message attachments: the blobs the silo's attachment store writes
/// (<see cref="StorageNames.AttachmentsContainer"/>, one blob per conversation and attachment, the name in metadata).
/// </summary>
public sealed class AttachmentDownloads(BlobServiceClient blobs)
{
    /// <summary>The attachment, or null when there is no such blob.</summary>
    public async Task<StoredAttachment?> OpenAsync(Guid conversationId, string attachmentId, CancellationToken cancellationToken)
    {
        var blob = blobs.GetBlobContainerClient(StorageNames.AttachmentsContainer).GetBlobClient(StorageNames.AttachmentBlob(conversationId, attachmentId));
        try
        {
            var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
            var details = download.Value.Details;
            var name = details.Metadata.TryGetValue(StorageNames.AttachmentNameMetadata, out var escaped) ? Uri.UnescapeDataString(escaped) : "attachment";
            return new StoredAttachment(download.Value.Content, details.ContentType, name);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
