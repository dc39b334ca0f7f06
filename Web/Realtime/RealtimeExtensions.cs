using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Conversations.Web.Admission;
using Conversations.Web.Audit;
using Conversations.Web.Errors;
using Conversations.Web.Visitors;
using Conversations.Web.Validation;

namespace Conversations.Web.Realtime;

public static class RealtimeExtensions
{
    public static IServiceCollection AddConversationsRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSignalR(o =>
            {
                o.AddFilter<ConnectionsClosedOnStop>();
                o.AddFilter<DomainExceptionHubFilter>(); // before the others, so it also turns the key check's refusals into HubExceptions
                o.AddFilter<GatewayLossHubFilter>();
                o.AddFilter<AdmissionHubFilter>();
                o.AddFilter<KeyValidationHubFilter>();
                o.AddFilter<AuditActorHubFilter>();
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddHubRefusalLogging();
        services.AddSingleton<ConnectionsClosedOnStop>(); // one registry of the node's connections, resolved by the hub filter pipeline
        services.AddSingleton<RealtimeDelivery>();
        services.AddSingleton<TopicRelay>();
        services.AddOptions<LiveFeedSettings>()
            .Bind(configuration.GetSection(LiveFeedSettings.SectionName))
            .Validate(s => s.CheckPeriod > TimeSpan.Zero && s.AfterGatewayChange.All(a => a >= TimeSpan.Zero),
                $"{LiveFeedSettings.SectionName}: CheckPeriod must be more than zero and AfterGatewayChange zero or more.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<LiveFeedRepair>();
        services.AddOptions<GatewayLossSettings>().Bind(configuration.GetSection(GatewayLossSettings.SectionName));
        services.AddSingleton<PropertyFeeds>();
        services.AddSingleton<TypingNotifier>();
        services.AddSingleton<AgentConnectionRenewals>();
        services.AddSingleton<ConversationWatching>();
        services.AddHostedService(sp => sp.GetRequiredService<ConversationWatching>());
        services.AddHostedService(sp => sp.GetRequiredService<AgentConnectionRenewals>());
        return services;
    }

    public static IEndpointRouteBuilder MapConversationsHubs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<AgentHub>(AgentHub.Path);
        endpoints.MapHub<VisitorHub>(VisitorHub.Path).RequireCors(WidgetApi.CorsPolicy);
        return endpoints;
    }
}
