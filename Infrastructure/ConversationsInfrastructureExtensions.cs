using Conversations.Grains.Audit;
using Conversations.Grains.Email;
using Conversations.Grains.Inbox;
using Conversations.Grains.Interfaces.Configuration;
using Conversations.Grains.KnowledgeBase;
using Conversations.Grains.Reports;
using Conversations.Grains.Messages;
using Conversations.Grains.Search;
using Conversations.Grains.Visitors;
using Conversations.Hosting;
using Conversations.Infrastructure.Audit;
using Conversations.Infrastructure.Email;
using Conversations.Infrastructure.Inbox;
using Conversations.Infrastructure.KnowledgeBase;
using Conversations.Infrastructure.Messages;
using Conversations.Infrastructure.Search;
using Conversations.Infrastructure.Reports;
using Conversations.Infrastructure.Visitors;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Infrastructure;

public static class ConversationsInfrastructureExtensions
{
    /// <summary>
    /// The adapters behind the grains' ports: the message log, page views and inbox checkpoints in Azure Tables,
    /// attachments and search snapshots in blobs, outbound mail over SMTP, the Lucene article and conversation indexes, and the inbound SMTP listener when a port is set.
    /// </summary>
    public static IServiceCollection AddConversationsInfrastructure(this IServiceCollection services, ConversationsSettings settings)
    {
        services.AddSingleton(StorageClients.Tables(settings));
        services.AddSingleton<MessageLogMeter>();
        services.AddSingleton<IMessageStore, TableMessageStore>();
        services.AddSingleton<IPageViewStore, TablePageViewStore>();
        services.AddSingleton<IInboxCheckpointStore, TableInboxCheckpointStore>();
        services.AddSingleton<IReportCardStore, TableReportCardStore>();
        services.AddSingleton<IAuditStore, TableAuditStore>();
        services.AddSingleton<IAttachmentStore>(new BlobAttachmentStore(StorageClients.Blobs(settings)));
        services.AddSingleton<IArticleSearchIndexFactory, LuceneArticleSearchIndexFactory>();
        services.AddSingleton<IConversationSearchIndexFactory>(_ => new LuceneConversationSearchIndexFactory(
            StorageClients.Blobs(settings).GetBlobContainerClient(StorageNames.SearchIndexContainer), settings.ServiceId));
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        if (settings.Email.ReceivesMail)
        {
            services.AddSingleton<InboundMail>();
            services.AddHostedService<InboundSmtpListener>();
        }

        return services;
    }
}
