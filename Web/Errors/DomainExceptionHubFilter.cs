using Conversations.Grains.Interfaces.Common;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Web.Errors;

/// <summary>Gives hub callers the grain's message (as a HubException) instead of SignalR's generic error.</summary>
public sealed class DomainExceptionHubFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (DomainException ex)
        {
            throw new HubException($"{ex.Code}: {ex.Message}");
        }
    }
}
