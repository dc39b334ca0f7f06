using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Web.Realtime;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace Conversations.Web.Access;

/// <summary>
/// Carries access changes to this web node (ADM-4, OPS-2). It listens to every agent's membership changes on the cluster's
/// access stream: a change drops the cached role, so the agent's next REST or hub call asks the grain again, and a removal
/// also takes the property's live feed from the agent's connections here. Every <see cref="AccessSettings.RecheckPeriod"/> (10 s) it re-reads
/// the role behind each feed joined on this node, so an announcement that was lost, or sent while this node was not yet
/// listening, costs seconds rather than the rest of the session.
/// </summary>
public sealed class AccessRevocations(
    IClusterClient cluster,
    RoleCache roles,
    PropertyAccess access,
    PropertyFeeds feeds,
    TimeProvider clock,
    IOptions<AccessSettings> settings,
    ILogger<AccessRevocations> logger) : BackgroundService
{
    private readonly TimeSpan _recheckPeriod = settings.Value.RecheckPeriod;

    /// <summary>Applies a change on this node; the node that made it calls this too, so it holds there before the call returns.</summary>
    public async Task ApplyAsync(AgentAccessChanged change)
    {
        roles.Invalidate(change.AgentId, change.PropertyId);
        if (change.Role is null && await feeds.RevokeAsync(change.AgentId, change.PropertyId) is > 0 and var revoked)
        {
            logger.LogInformation("Agent {AgentId} lost access to {PropertyId}: its live feed was taken from {Connections} connection(s).",
                change.AgentId, change.PropertyId, revoked);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        StreamSubscriptionHandle<AgentAccessChanged>? subscription = null;
        using var timer = new PeriodicTimer(_recheckPeriod, clock);
        try
        {
            do
            {
                subscription ??= await TrySubscribeAsync();
                await RecheckAsync(stoppingToken);
                roles.RemoveExpired();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await UnsubscribeAsync(subscription);
        }
    }

    private async Task<StreamSubscriptionHandle<AgentAccessChanged>?> TrySubscribeAsync()
    {
        try
        {
            return await cluster.GetStreamProvider(ConversationsNames.StreamProvider)
                .GetStream<AgentAccessChanged>(StreamTopics.Access)
                .SubscribeAsync((change, _) => OnAnnouncedAsync(change));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Listening to access changes failed; trying again in {Period}, when the joined feeds are re-checked too.", _recheckPeriod);
            return null;
        }
    }

    private async Task OnAnnouncedAsync(AgentAccessChanged change)
    {
        try
        {
            await ApplyAsync(change);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Applying the access change of agent {AgentId} on {PropertyId} failed; the next re-check repeats it.", change.AgentId, change.PropertyId);
        }
    }

    private Task RecheckAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(feeds.Joined(), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = stoppingToken }, async (feed, _) =>
        {
            try
            {
                if (await access.ReadRoleAsync(feed.AgentId, feed.PropertyId) is null)
                {
                    await ApplyAsync(new AgentAccessChanged(feed.PropertyId, feed.AgentId, null, clock.GetUtcNow()));
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Re-checking the access of agent {AgentId} to {PropertyId} failed; trying again in {Period}.", feed.AgentId, feed.PropertyId, _recheckPeriod);
            }
        });

    private async Task UnsubscribeAsync(StreamSubscriptionHandle<AgentAccessChanged>? subscription)
    {
        try
        {
            if (subscription is not null)
            {
                await subscription.UnsubscribeAsync();
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Unsubscribing from access changes failed.");
        }
    }
}
