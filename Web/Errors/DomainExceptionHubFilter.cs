using Conversations.Grains.Interfaces.Common;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Web.Errors;

/// <summary>Gives hub callers the grain's message, or a retry hint for transient failures, as a HubException instead of SignalR's generic error.</summary>
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
        catch (Exception ex) when (TransientFailures.IsTransient(ex))
        {
            throw new HubException($"Unavailable: {TransientFailures.Message}");
        }
    }
}
