using Conversations.Grains.Interfaces.Audit;
using Conversations.Web.Access;

namespace Conversations.Web.Audit;

/// <summary>Names the signed-in agent of a request to every grain it calls (AUD-1), through Orleans' request context.</summary>
public sealed class AuditActorMiddleware(RequestDelegate next)
{
    /// <summary>Async on purpose: the request context is set in this method's own flow, so it never outlives the request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        AuditActors.Set(context.User.AgentId() is { } agentId ? new AuditActor(agentId.ToString(), context.User.AgentName()) : null);
        await next(context);
    }
}
