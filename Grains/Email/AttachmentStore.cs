using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Email;

/// <summary>Message attachments as blobs: content type and (escaped) file name travel with each blob.</summary>
public sealed class AttachmentStore(BlobServiceClient blobs)
{
    private BlobContainerClient? _container;

    /// <summary>Writes (or rewrites, for a redelivered email) one attachment under its conversation.</summary>
    public async Task SaveAsync(Guid conversationId, MessageAttachment attachment, BinaryData content, CancellationToken cancellationToken = default)
    {
        var container = await ContainerAsync(cancellationToken);
        await container.GetBlobClient(ConversationsNames.AttachmentBlob(conversationId, attachment.Id)).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = attachment.ContentType },
            Metadata = new Dictionary<string, string> { [ConversationsNames.AttachmentNameMetadata] = Uri.EscapeDataString(attachment.Name) },
        }, cancellationToken);
    }

    /// <summary>Deletes every attachment of a conversation (BIN-2); repeating it is harmless.</summary>
    public async Task DeleteAllAsync(Guid conversationId, CancellationToken cancellationToken = default)
    {
        var container = await ContainerAsync(cancellationToken);
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{conversationId:N}/" }, cancellationToken))
        {
            await container.DeleteBlobIfExistsAsync(blob.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
        }
    }

    // Not cached until creation succeeds, so storage that was down at first use is retried.
    private async Task<BlobContainerClient> ContainerAsync(CancellationToken cancellationToken)
    {
        if (_container is { } ready)
        {
            return ready;
        }

        var container = blobs.GetBlobContainerClient(ConversationsNames.AttachmentsContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return _container = container;
    }
}
