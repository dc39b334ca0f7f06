using System.Collections.Concurrent;
using Conversations.Grains.Interfaces.Collision;

namespace Conversations.Web.Realtime;

/// <summary>
/// COL-1: which conversation each console connection on this web node has open, and whether it writes a reply there. Each
/// change goes to the property's <see cref="IWatchersGrain"/> at once; every <see cref="RenewalPeriod"/> this node
/// renews all of its reports, so when the node dies its viewers vanish within the grain's lease (seconds).
/// </summary>
public sealed class ConversationWatching(IClusterClient cluster, ILogger<ConversationWatching> logger) : BackgroundService
{
    /// <summary>The grain's renewal period (Grains/Collision/WatchersGrain): 2 s, so a lease of 8 s survives three lost renewals.</summary>
    public static readonly TimeSpan RenewalPeriod = TimeSpan.FromSeconds(2);

    private readonly string _nodeId = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<string, (string PropertyId, WatchReport Report)> _open = new();

    /// <summary>Properties renewed last time, so one whose last viewer left here is told (with an empty renewal) once more.</summary>
    private HashSet<string> _renewed = [];

    /// <summary>Whether the connection already watches this conversation (a change of replying needs no new check that it exists).</summary>
    public bool Watches(string connectionId, string propertyId, Guid conversationId) =>
        _open.TryGetValue(connectionId, out var open) && open.PropertyId == propertyId && open.Report.ConversationId == conversationId;

    public async Task WatchAsync(string propertyId, WatchReport report)
    {
        if (_open.TryGetValue(report.ConnectionId, out var before) && before.PropertyId != propertyId)
        {
            await Watchers(before.PropertyId).StopAsync(report.ConnectionId);
        }

        _open[report.ConnectionId] = (propertyId, report);
        await Watchers(propertyId).ReportAsync(_nodeId, report);
    }

    public async Task StopAsync(string connectionId)
    {
        if (_open.TryRemove(connectionId, out var was))
        {
            await Watchers(was.PropertyId).StopAsync(connectionId);
        }
    }

    private IWatchersGrain Watchers(string propertyId) => cluster.GetGrain<IWatchersGrain>(propertyId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RenewalPeriod);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var byProperty = _open.Values.GroupBy(o => o.PropertyId).ToDictionary(g => g.Key, g => g.Select(o => o.Report).ToList());
            foreach (var emptied in _renewed.Where(p => !byProperty.ContainsKey(p)))
            {
                byProperty[emptied] = [];
            }

            _renewed = byProperty.Where(p => p.Value.Count > 0).Select(p => p.Key).ToHashSet();
            await Parallel.ForEachAsync(byProperty, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = stoppingToken }, async (property, _) =>
            {
                try
                {
                    await Watchers(property.Key).RenewAsync(_nodeId, property.Value);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "Renewing the viewers of property {PropertyId} failed; trying again in {Period}.", property.Key, RenewalPeriod);
                }
            });
        }
    }
}
