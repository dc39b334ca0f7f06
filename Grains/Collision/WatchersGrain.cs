using Conversations.Grains.Interfaces.Collision;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Collision;

/// <summary>
/// COL-1: the viewers and repliers of a property's conversations, by lease, in memory only (<see cref="IWatchersGrain"/>).
/// Every change of a conversation's list is published on the property's watchers stream; losing one is harmless, since
/// consoles read the whole list when they join and every event carries a conversation's whole list.
/// </summary>
public sealed class WatchersGrain(TimeProvider clock, ILogger<WatchersGrain> logger) : Grain, IWatchersGrain
{
    /// <summary>Web nodes renew every <see cref="RenewalPeriod"/>; a report not renewed for <see cref="Lease"/> is dropped.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(8);

    public static readonly TimeSpan RenewalPeriod = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan CheckPeriod = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, Watch> _watches = [];

    private string PropertyId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(DropLapsedAsync, CheckPeriod, CheckPeriod);
        return Task.CompletedTask;
    }

    public Task ReportAsync(string nodeId, WatchReport report) => ChangeAsync(() => Put(nodeId, report));

    public Task StopAsync(string connectionId) => ChangeAsync(() => _watches.Remove(connectionId));

    public Task RenewAsync(string nodeId, IReadOnlyList<WatchReport> reports) => ChangeAsync(() =>
    {
        var renewed = reports.Select(r => r.ConnectionId).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _watches.Where(w => w.Value.NodeId == nodeId && !renewed.Contains(w.Key)).Select(w => w.Key).ToList())
        {
            _watches.Remove(gone);
        }

        foreach (var report in reports)
        {
            Put(nodeId, report);
        }
    });

    public Task<IReadOnlyList<WatchersChanged>> GetAsync() =>
        Task.FromResult<IReadOnlyList<WatchersChanged>>(_watches.Values.Select(w => w.Report.ConversationId).Distinct().Select(ListOf).ToList());

    private void Put(string nodeId, WatchReport report)
    {
        if (string.IsNullOrEmpty(report.ConnectionId) || report.ConversationId == Guid.Empty)
        {
            throw DomainException.Invalid("A watch names a connection and a conversation.");
        }

        _watches[report.ConnectionId] = new Watch(nodeId, report, clock.GetUtcNow() + Lease);
    }

    private Task DropLapsedAsync() => ChangeAsync(() =>
    {
        var now = clock.GetUtcNow();
        foreach (var lapsed in _watches.Where(w => w.Value.Until < now).Select(w => w.Key).ToList())
        {
            _watches.Remove(lapsed);
        }
    });

    /// <summary>Applies a change and publishes the list of every conversation whose viewers or repliers it changed.</summary>
    private async Task ChangeAsync(Action change)
    {
        var before = Snapshot();
        change();
        var after = Snapshot();
        var changed = before.Keys.Union(after.Keys)
            .Where(id => !before.TryGetValue(id, out var was) || !after.TryGetValue(id, out var now) || !was.SequenceEqual(now))
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var stream = this.GetStreamProvider(ConversationsNames.StreamProvider).GetStream<WatchersChanged>(StreamTopics.Watchers(PropertyId));
        foreach (var conversationId in changed)
        {
            try
            {
                await stream.OnNextAsync(ListOf(conversationId));
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Publishing the viewers of {ConversationId} failed; the next change or a console's rejoin corrects it.", conversationId);
            }
        }
    }

    private Dictionary<Guid, List<ConversationWatcher>> Snapshot() =>
        _watches.Values.GroupBy(w => w.Report.ConversationId).ToDictionary(g => g.Key, g => Watchers(g));

    private WatchersChanged ListOf(Guid conversationId) =>
        new(PropertyId, conversationId, Watchers(_watches.Values.Where(w => w.Report.ConversationId == conversationId)));

    /// <summary>One line per agent (an agent with two windows on a conversation is one viewer), replying if any of them is.</summary>
    private static List<ConversationWatcher> Watchers(IEnumerable<Watch> watches) =>
        watches.GroupBy(w => w.Report.AgentId)
            .Select(g => new ConversationWatcher(g.Key, g.First().Report.AgentName, g.Any(w => w.Report.IsReplying)))
            .OrderBy(w => w.AgentName, StringComparer.Ordinal).ThenBy(w => w.AgentId)
            .ToList();

    private sealed record Watch(string NodeId, WatchReport Report, DateTimeOffset Until);
}
