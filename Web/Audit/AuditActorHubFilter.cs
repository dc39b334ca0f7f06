using Conversations.Grains.Interfaces.Audit;
using Conversations.Web.Access;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Web.Audit;

/// <summary>Names the agent of an agent hub call to the grains it calls (AUD-1); visitor hub calls carry no actor.</summary>
public sealed class AuditActorHubFilter : IHubFilter
{
    /// <summary>Async on purpose: the request context is set in this call's own flow, so it never reaches the connection's next call.</summary>
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var user = invocationContext.Context.User;
        AuditActors.Set(invocationContext.Hub is AgentHub && user?.AgentId() is { } agentId ? new AuditActor(agentId.ToString(), user.AgentName()) : null);
        return await next(invocationContext);
    }
}
