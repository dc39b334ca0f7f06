using Conversations.Grains.Interfaces.Configuration;
using Conversations.Web.Chats;
using Conversations.Web.Errors;
using Conversations.Web.KnowledgeBase;
using Conversations.Web.Realtime;

namespace Conversations.Web.Hosting;

public static class ConversationsWebExtensions
{
    /// <summary>Reads and validates <c>Conversations:*</c>, connects to the cluster as a client, adds hubs, API and errors.</summary>
    public static WebApplicationBuilder AddConversationsWeb(this WebApplicationBuilder builder)
    {
        var settings = ConversationsSettings.Load(builder.Configuration);
        builder.UseOrleansClient(client =>
        {
            client.UseConversationsCluster(settings);
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
        app.MapKnowledgeBaseApi();
        app.MapFallbackToFile("index.html");
        return app;
    }
}
