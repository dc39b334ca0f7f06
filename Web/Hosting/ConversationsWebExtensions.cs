using Azure.Data.Tables;
using Azure.Storage.Queues;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Configuration;
using Conversations.Web.Chats;
using Conversations.Web.Errors;
using Conversations.Web.Realtime;
using Orleans.Configuration;

namespace Conversations.Web.Hosting;

public static class ConversationsWebExtensions
{
    /// <summary>Reads and validates <c>Conversations:*</c>, connects to the cluster as a client, adds hubs, API and errors.</summary>
    public static WebApplicationBuilder AddConversationsWeb(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(ConversationsSettings.SectionName).Get<ConversationsSettings>() ?? new();
        var problems = settings.Problems();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", problems));
        }

        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            client.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(settings.StorageConnectionString));
            if (settings.Streams == StreamProviderKind.AzureQueue)
            {
                client.AddAzureQueueStreams(ConversationsNames.StreamProvider, options => options.Configure(q =>
                {
                    q.QueueServiceClient = new QueueServiceClient(settings.StorageConnectionString);
                    q.QueueNames = ConversationsNames.StreamQueueNames();
                }));
            }
            else
            {
                client.AddMemoryStreams(ConversationsNames.StreamProvider);
            }

            client.UseConnectionRetryFilter<RetryUntilClusterIsReachable>();
        });

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<DomainExceptionHandler>();
        builder.Services.AddOpenApi("v1");
        builder.Services.AddHealthChecks().AddCheck<ClusterClientHealthCheck>("cluster");
        builder.Services.AddConversationsRealtime();
        return builder;
    }

    public static WebApplication MapConversationsWeb(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();

        app.MapOpenApi("/api/{documentName}/openapi.json");
        app.MapHealthChecks("/health");
        app.MapConversationsHubs();
        app.MapChatApi();
        app.MapFallbackToFile("index.html");
        return app;
    }
}
