using System.Text.Json.Serialization;
using Conversations.Grains.Interfaces.Configuration;
using Conversations.Hosting;
using Conversations.Hosting.Attachments;
using Conversations.Hosting.Settings;
using Conversations.Web.Access;
using Conversations.Web.Admission;
using Conversations.Web.Attachments;
using Conversations.Web.Audit;
using Conversations.Web.Chats;
using Conversations.Web.Departments;
using Conversations.Web.Email;
using Conversations.Web.Errors;
using Conversations.Web.Inbox;
using Conversations.Web.Properties;
using Conversations.Web.KnowledgeBase;
using Conversations.Web.Realtime;
using Conversations.Web.Reports;
using Conversations.Web.Routing;
using Conversations.Web.Sla;
using Conversations.Web.Search;
using Conversations.Web.Visitors;
using Conversations.Web.Merging;
using Conversations.Web.Tickets;

namespace Conversations.Web.Hosting;

public static class ConversationsWebExtensions
{
    /// <summary>No API request needs more; larger bodies are refused with 413 before they are read.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Reads and validates <c>Conversations:*</c>, connects to the cluster as a client, adds hubs, API and errors.</summary>
    public static WebApplicationBuilder AddConversationsWeb(this WebApplicationBuilder builder)
    {
        var settings = builder.Services.AddConversationsSettings(builder.Configuration);
        var gatewayChanges = new GatewayChanges();
        builder.Services.AddSingleton(gatewayChanges);
        builder.UseOrleansClient(client =>
        {
            client.UseConversationsCluster(settings);
            client.AddClusterConnectionStatusObserver(gatewayChanges);
            client.UseConnectionRetryFilter<RetryUntilClusterIsReachable>();
        });

        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddOpenApi("v1");
        builder.Services.AddHealthChecks().AddCheck<ClusterClientHealthCheck>("cluster");
        builder.AddConversationsTelemetry("conversations-web");
        builder.Services.AddConversationsAdmission(builder.Configuration);
        builder.Services.AddConversationsAccess(builder.Configuration);
        builder.Services.AddWidgetApi(builder.Configuration);
        builder.Services.AddConversationsRealtime(builder.Configuration);
        builder.Services.AddAttachmentDownloads(settings);
        return builder;
    }

    public static WebApplication MapConversationsWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<AdmissionMiddleware>();
        app.UseMiddleware<SameOriginGuard>();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<AuditActorMiddleware>();
        app.UseRateLimiter();
        app.UseMiddleware<UnknownPaths>();

        app.MapOpenApi("/api/{documentName}/openapi.json");
        app.MapHealthChecks("/health");
        app.MapConversationsHubs();
        app.MapAuthApi();
        app.MapPropertyApi();
        app.MapDepartmentApi();
        app.MapRoutingApi();
        app.MapSlaApi();
        app.MapEmailApi();
        app.MapWidgetApi();
        app.MapWidgetAttachmentApi();
        app.MapChatApi();
        app.MapTicketApi();
        app.MapMergeApi();
        app.MapInboxApi();
        app.MapSearchApi();
        app.MapKnowledgeBaseApi();
        app.MapTypingApi();
        app.MapWatchersApi();
        app.MapVisitorApi();
        app.MapOrganizationApi();
        app.MapBanApi();
        app.MapReportApi();
        app.MapAuditApi();
        return app;
    }
}
