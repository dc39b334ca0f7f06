using Microsoft.Extensions.Options;
using Orleans.Messaging;

namespace Conversations.Web.Realtime;

/// <summary>
/// Keeps this node's live feeds subscribed (OPS-1): checks each every <see cref="LiveFeedSettings.CheckPeriod"/> (a slice of
/// them every tick, so the checks do not come as one burst), all of them soon
/// and repeatedly after the cluster's gateways change (a connection of this node lost or opened, or the gateway list read
/// every <see cref="LiveFeedSettings.GatewayListPollPeriod"/> changed), since a silo's loss takes subscriptions with it and
/// a stream queue moving to another silo can leave them deaf; then renews them all.
/// </summary>
public sealed class LiveFeedRepair(
    TopicRelay relay, GatewayChanges changes, IGatewayListProvider gateways, IOptions<LiveFeedSettings> settings, TimeProvider clock,
    ILogger<LiveFeedRepair> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);

    private HashSet<string>? _gatewayList;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var slices = Math.Max(1, (int)(settings.Value.CheckPeriod / Tick));
        var slice = 0;
        var nextListRead = clock.GetUtcNow() + settings.Value.GatewayListPollPeriod;
        var due = new List<DateTimeOffset>();
        DateTimeOffset? renewAt = null;
        var askRenewal = false;
        using var timer = new PeriodicTimer(Tick, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = clock.GetUtcNow();
                if (now >= nextListRead)
                {
                    nextListRead = now + settings.Value.GatewayListPollPeriod;
                    await ReadGatewayListAsync();
                }

                if (changes.Take())
                {
                    due = [.. settings.Value.AfterGatewayChange.Select(after => now + after)];
                    renewAt = now + settings.Value.RenewAfterGatewayChange;
                    askRenewal = true;
                    logger.LogInformation("The gateways of this node changed; its live feeds are checked and renewed over the next seconds.");
                }

                if (renewAt <= now)
                {
                    if (askRenewal)
                    {
                        relay.AskRenewal();
                        askRenewal = false;
                    }

                    await CheckAsync(renew: true, stoppingToken);
                    var left = relay.RenewalsDue;
                    renewAt = left > 0 ? now + settings.Value.RenewalRetryDelay : null;
                    continue;
                }

                if (due.RemoveAll(d => d <= now) > 0)
                {
                    await CheckAsync(renew: false, stoppingToken);
                    continue;
                }

                await CheckAsync(renew: false, stoppingToken, slice, slices);
                slice = (slice + 1) % slices;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReadGatewayListAsync()
    {
        try
        {
            var list = (await gateways.GetGateways()).Select(g => g.ToString()).ToHashSet();
            if (_gatewayList is not null && !_gatewayList.SetEquals(list))
            {
                changes.ListChanged();
            }

            _gatewayList = list;
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Reading the gateway list failed; the next round reads it again.");
        }
    }

    private async Task CheckAsync(bool renew, CancellationToken stoppingToken, int slice = 0, int slices = 1)
    {
        try
        {
            var repaired = renew ? await relay.RenewAsync(stoppingToken) : await relay.RepairAsync(slice, slices, stoppingToken);
            if (renew)
            {
                logger.LogWarning("Renewed {Renewed} of {Topics} live-feed subscriptions after the node's gateways changed ({Due} left to retry); their listeners refetch.",
                    repaired, relay.TopicCount, relay.RenewalsDue);
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
