using System.Globalization;
using System.Threading.RateLimiting;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Configuration;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Interfaces.Visitors;
using Conversations.Hosting.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Conversations.Web.Validation;
using Microsoft.AspNetCore.RateLimiting;

namespace Conversations.Web.Visitors;

/// <summary>The anonymous, rate-limited endpoints the widget calls.</summary>
public static class WidgetApi
{
    public const string SessionsPolicy = "visitor-sessions";

    /// <summary>Customers' sites call the widget endpoints and the visitor hub from their own origins, without cookies.</summary>
    public const string CorsPolicy = "widget";

    public static IServiceCollection AddWidgetApi(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = services.AddValidatedSettings<RateLimitSettings>(configuration, RateLimitSettings.SectionName);
        services.Configure<VisitorSettings>(configuration.GetSection(ConversationsSettings.SectionName));
        services.AddSingleton<VisitorTokens>();
        services.AddSingleton<ClientAddress>();
        services.AddSingleton<GeoIpLocator>();
        services.AddSingleton<VisitTracker>();
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod()));
        services.AddSingleton<VisitorRateLimits>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SessionsPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.VisitorSessionsPerMinutePerIp, Window = TimeSpan.FromMinutes(1) }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Ceiling(wait.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Detail = $"Too many requests; try again in {seconds} s." },
                });
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapWidgetApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/widget/sessions", StartSessionAsync).WithTags("Widget").WithName("StartVisitorSession")
            .AllowAnonymous().RequireRateLimiting(SessionsPolicy).RequireCors(CorsPolicy)
            .WithSummary("Issues or renews a signed visitor token for a property (verifying the site's HMAC of its user id when given) and records the visit.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests).CheckKeys();
        endpoints.MapPost("/api/v1/widget/offline-messages", LeaveOfflineMessageAsync).WithTags("Widget").WithName("LeaveOfflineMessage")
            .AllowAnonymous().RequireRateLimiting(SessionsPolicy)
            .WithSummary("The widget's offline form (CHAT-9): name, email and message become a ticket. 'messageId' makes a retry harmless.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).CheckKeys();
        return endpoints;
    }

    private static async Task<Created<OfflineMessageReceipt>> LeaveOfflineMessageAsync(
        OfflineMessageRequest request, VisitorTokens tokens, IClusterClient cluster)
    {
        var visitorId = await tokens.VerifyAsync(request.PropertyId, request.VisitorToken);
        if (request.MessageId == Guid.Empty)
        {
            throw DomainException.Invalid("A message id is required.");
        }

        var name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name;
        var ticket = await cluster.GetGrain<ITicketGrain>(request.MessageId).CreateAsync(new CreateTicket(
            request.PropertyId, $"Offline message from {name ?? request.Email}", new TicketRequester(visitorId, name, request.Email),
            TicketPriority.Medium, request.Message));

        // The ticket puts itself in the visitor's history (VIS-5) once created, and retries until it is there.
        return TypedResults.Created($"/api/v1/properties/{request.PropertyId}/tickets/{ticket.Id}", new OfflineMessageReceipt(ticket.Id));
    }

    private static async Task<Ok<VisitorSession>> StartSessionAsync(
        StartSessionRequest request, VisitorTokens tokens, IClusterClient cluster, VisitTracker visits, HttpContext http)
    {
        var propertyId = request.PropertyId ?? "";
        if (propertyId.Length is 0 or > 100)
        {
            throw DomainException.NotFound("The property");
        }

        await cluster.GetGrain<IPropertyGrain>(propertyId).GetAsync();
        string visitorId;
        var verified = false;
        if (!string.IsNullOrEmpty(request.UserId))
        {
            if (request.UserId.Length > 200 || !await tokens.IsVerifiedIdentityAsync(propertyId, request.UserId, request.UserHash))
            {
                throw new DomainException(DomainErrorCode.Forbidden, "Identity verification failed: the user hash does not match.");
            }

            visitorId = await tokens.VisitorIdForUserAsync(propertyId, request.UserId);
            verified = true;
        }
        else if (request.VisitorToken is { Length: > 0 } token)
        {
            visitorId = await tokens.VerifyAsync(propertyId, token);
        }
        else
        {
            visitorId = "v-" + Guid.NewGuid().ToString("N");
        }

        await visits.RecordVisitAsync(propertyId, visitorId, http, verified ? request.UserId : null);
        var agentsOnline = await cluster.GetGrain<IPropertyGrain>(propertyId).HasAgentOnlineAsync();
        return TypedResults.Ok(new VisitorSession(propertyId, visitorId, await tokens.IssueAsync(propertyId, visitorId), verified, agentsOnline));
    }
}
