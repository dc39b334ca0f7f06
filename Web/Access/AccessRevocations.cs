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
    /// <summary>How soon a failed attempt to listen to access changes (storage briefly out, say) is repeated.</summary>
    public static readonly TimeSpan SubscribeRetry = TimeSpan.FromSeconds(2);

    private readonly TimeSpan _recheckPeriod = settings.Value.RecheckPeriod;
    private StreamSubscriptionHandle<AgentAccessChanged>? _subscription;

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

    /// <summary>Listens before the node serves anyone (the cluster client has connected by now); failing that, it keeps trying.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = await TrySubscribeAsync();
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(ListenAsync(stoppingToken), RecheckEveryPeriodAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await UnsubscribeAsync(_subscription);
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (_subscription is null)
        {
            await Task.Delay(SubscribeRetry, clock, stoppingToken);
            _subscription = await TrySubscribeAsync();
        }
    }

    private async Task RecheckEveryPeriodAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_recheckPeriod, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RecheckAsync(stoppingToken);
            roles.RemoveExpired();
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
            logger.LogWarning(ex, "Listening to access changes failed; trying again in {Retry} (joined feeds are re-checked every {Period} meanwhile).", SubscribeRetry, _recheckPeriod);
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
