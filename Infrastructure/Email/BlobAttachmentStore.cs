using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Conversations.Grains.Email;
using Conversations.Grains.Interfaces.Common;
using Conversations.Hosting;

namespace Conversations.Infrastructure.Email;

/// <summary>Message attachments as blobs: content type and (escaped) file name travel with each blob.</summary>
public sealed class BlobAttachmentStore(BlobServiceClient blobs) : IAttachmentStore
{
    private BlobContainerClient? _container;

    public async Task SaveAsync(Guid conversationId, MessageAttachment attachment, BinaryData content, CancellationToken cancellationToken = default)
    {
        var container = await ContainerAsync(cancellationToken);
        await container.GetBlobClient(StorageNames.AttachmentBlob(conversationId, attachment.Id)).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = attachment.ContentType },
            Metadata = new Dictionary<string, string> { [StorageNames.AttachmentNameMetadata] = Uri.EscapeDataString(attachment.Name) },
        }, cancellationToken);
    }

    public async Task<BinaryData?> ReadAsync(Guid conversationId, string attachmentId, CancellationToken cancellationToken = default)
    {
        var container = await ContainerAsync(cancellationToken);
        try
        {
            return (await container.GetBlobClient(StorageNames.AttachmentBlob(conversationId, attachmentId)).DownloadContentAsync(cancellationToken)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task CopyAllAsync(Guid fromConversationId, Guid toConversationId, CancellationToken cancellationToken = default)
    {
        var container = await ContainerAsync(cancellationToken);
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{fromConversationId:N}/", Traits = BlobTraits.Metadata }, cancellationToken))
        {
            var source = container.GetBlobClient(blob.Name);
            var content = (await source.DownloadContentAsync(cancellationToken)).Value;
            var id = blob.Name[(blob.Name.IndexOf('/') + 1)..];
            await container.GetBlobClient(StorageNames.AttachmentBlob(toConversationId, id)).UploadAsync(content.Content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = content.Details.ContentType },
                Metadata = content.Details.Metadata,
            }, cancellationToken);
        }
    }

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

        var container = blobs.GetBlobContainerClient(StorageNames.AttachmentsContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return _container = container;
    }
}
