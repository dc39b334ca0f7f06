using Microsoft.AspNetCore.SignalR;

namespace Conversations.Web.Admission;

/// <summary>Every hub call holds a permit of <see cref="NodeAdmission"/> while it runs.</summary>
public sealed class AdmissionHubFilter(NodeAdmission admission) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        using var permit = admission.Enter();
        return await next(invocationContext);
    }
}
