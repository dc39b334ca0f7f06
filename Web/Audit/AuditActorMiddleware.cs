using Conversations.Grains.Interfaces.Audit;
using Conversations.Web.Access;

namespace Conversations.Web.Audit;

/// <summary>Names the signed-in agent of a request to every grain it calls (AUD-1), through Orleans' request context.</summary>
public sealed class AuditActorMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.AgentId() is { } agentId)
        {
            AuditActors.Set(new AuditActor(agentId.ToString(), context.User.AgentName()));
        }

        return next(context);
    }
}
