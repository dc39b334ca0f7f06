using Conversations.Grains.Interfaces.Audit;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Conversations.Grains.Audit;

/// <summary>
/// Records agents' actions on a property's conversations from its committed changes (AUD-1): each event says who made it
/// (<see cref="ConversationEvent.By"/>) and what was there before. An entry's id is made of the conversation and version, so a
/// redelivered event writes the same entry; a failed write is retried a few times, then logged.
/// </summary>
[ImplicitStreamSubscription(ConversationsNames.PropertyStreamNamespace)]
public sealed class AuditFollowerGrain(IAuditStore store, ILogger<AuditFollowerGrain> logger)
    : Grain, IAuditFollowerGrain, IStreamSubscriptionObserver, IAsyncObserver<ConversationEvent>
{
    private const int Attempts = 3;

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<ConversationEvent>().ResumeAsync(this);

    public async Task OnNextAsync(ConversationEvent item, StreamSequenceToken? token = null)
    {
        if (item.By is not { } actor || ConversationAuditText.Describe(item) is not { } described)
        {
            return;
        }

        var (action, after) = described;

        var entry = new AuditEntry(
            AuditIds.OfChange(item.At, item.ConversationId, item.Version), item.PropertyId, item.At, actor.Id, actor.Name,
            action, "conversation", item.ConversationId.ToString(), item.Before, after);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.AppendAsync(entry);
                return;
            }
            catch (Exception ex) when (attempt < Attempts)
            {
                logger.LogDebug(ex, "Audit entry {Id} not written yet; retrying.", entry.Id);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Audit entry {Action} of {ConversationId} v{Version} by {Actor} could not be written.", action, item.ConversationId, item.Version, actor.Id);
                return;
            }
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
