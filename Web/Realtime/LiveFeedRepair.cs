using Microsoft.Extensions.Options;

namespace Conversations.Web.Realtime;

/// <summary>
/// Keeps this node's live feeds subscribed (OPS-1): checks them every <see cref="LiveFeedSettings.CheckPeriod"/>, and soon
/// and repeatedly after the node's gateways change, since that is when a silo's loss takes subscriptions with it.
/// </summary>
public sealed class LiveFeedRepair(
    TopicRelay relay, GatewayChanges changes, IOptions<LiveFeedSettings> settings, TimeProvider clock, ILogger<LiveFeedRepair> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = settings.Value.CheckPeriod;
        var nextPeriodic = clock.GetUtcNow() + period;
        var due = new List<DateTimeOffset>();
        DateTimeOffset? renewAt = null;
        using var timer = new PeriodicTimer(Tick, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = clock.GetUtcNow();
                if (changes.Take())
                {
                    due = [.. settings.Value.AfterGatewayChange.Select(after => now + after)];
                    renewAt = now + settings.Value.RenewAfterGatewayChange;
                    logger.LogInformation("The gateways of this node changed; its live feeds are checked and renewed over the next seconds.");
                }

                if (renewAt <= now)
                {
                    renewAt = null;
                    await CheckAsync(renew: true, stoppingToken);
                    continue;
                }

                if (now < nextPeriodic && !due.Any(d => d <= now))
                {
                    continue;
                }

                due.RemoveAll(d => d <= now);
                nextPeriodic = now + period;
                await CheckAsync(renew: false, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckAsync(bool renew, CancellationToken stoppingToken)
    {
        try
        {
            var repaired = renew ? await relay.RenewAsync(stoppingToken) : await relay.RepairAsync(stoppingToken);
            if (renew)
            {
                logger.LogWarning("Renewed {Renewed} of {Topics} live-feed subscriptions after the node's gateways changed; their listeners refetch.", repaired, relay.TopicCount);
            }
            else if (repaired > 0)
            {
                logger.LogWarning("{Repaired} of {Topics} live-feed topics had lost this node's subscription and were subscribed again.", repaired, relay.TopicCount);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Checking the live-feed subscriptions failed; the next round checks again.");
        }
    }
}
