using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Conversations.Web.Realtime;

/// <summary>
/// OPS-4: when this node loses a gateway (a silo was killed or stopped), the hub calls then in flight are answered at once
/// as transient failures ("Unavailable", through <see cref="Errors.DomainExceptionHubFilter"/>) rather than after the grain
/// call timeout: a call routed through the dead silo never gets an answer, and the caller's retry, with the same command
/// id, reaches the grain as soon as the cluster has moved it. An abandoned call that did complete is answered to the retry
/// by the grain's ledger (a command id never applies twice).
/// </summary>
public sealed class GatewayLossHubFilter(GatewayChanges changes, IOptions<GatewayLossSettings> settings) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (!settings.Value.AbandonHubCalls)
        {
            return await next(invocationContext);
        }

        var lost = changes.LostToken;
        var call = next(invocationContext).AsTask();
        if (call.IsCompleted || !lost.CanBeCanceled)
        {
            return await call;
        }

        try
        {
            return await call.WaitAsync(lost);
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested && !call.IsCompleted)
        {
            _ = call.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw new TimeoutException("This node lost a gateway while the call was in flight.");
        }
    }
}
