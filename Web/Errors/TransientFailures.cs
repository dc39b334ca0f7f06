using Azure;
using Conversations.Grains.Interfaces.Common;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Storage;

namespace Conversations.Web.Errors;

/// <summary>
/// Failures that say "not now" rather than "no": a silo that died, a cluster still recovering,
/// storage briefly unreachable. Callers retry with the same command id, which never applies twice.
/// </summary>
public static class TransientFailures
{
    public const string Message = "The service is briefly unavailable; retry with the same command id.";

    public static bool IsTransient(Exception exception) => exception switch
    {
        SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or GatewayTooBusyException or TimeoutException => true,

        // A grain refusing before it acknowledges anything (back-pressure), or owing work it retries.
        UnavailableException => true,
        RequestFailedException { Status: 0 or >= 500 } => true,
        // Storage that does not answer within its network timeout: the Azure SDK cancels the request.
        OperationCanceledException => true,

        // A write that timed out was applied by storage later, so the grain's next write met a newer
        // version; Orleans deactivates the grain and the retry works on the stored state.
        InconsistentStateException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };
}
