using Conversations.Grains.Interfaces.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conversations.Hosting.Attachments;

public static class AttachmentDownloadsExtensions
{
    /// <summary>Reading message attachments from blob storage, and writing the files agents and visitors upload, for a web node.</summary>
    public static IServiceCollection AddAttachmentDownloads(this IServiceCollection services, ConversationsSettings settings)
    {
        services.TryAddSingleton(_ => StorageClients.Blobs(settings));
        return services.AddSingleton<AttachmentDownloads>().AddSingleton<AttachmentUploads>();
    }
}
