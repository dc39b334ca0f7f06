namespace Conversations.Grains.Interfaces.Collision;

/// <summary>
/// COL-1: who views and replies in each conversation of a property (keyed by the property id), held in memory by lease:
/// each web node renews its connections' reports every few seconds, so the viewers of a node that died vanish within
/// seconds, and a fresh activation (after a silo died) learns everything again from the next renewals.
/// </summary>
[Alias("Conversations.IWatchersGrain")]
public interface IWatchersGrain : IGrainWithStringKey
{
    /// <summary>A connection opened a conversation, or started or stopped writing a reply in it.</summary>
    [Alias("Report")]
    Task ReportAsync(string nodeId, WatchReport report);

    /// <summary>A connection closed its conversation (or closed).</summary>
    [Alias("Stop")]
    Task StopAsync(string connectionId);

    /// <summary>Every report of one web node for this property: renews their leases; the node's other connections are gone.</summary>
    [Alias("Renew")]
    Task RenewAsync(string nodeId, IReadOnlyList<WatchReport> reports);

    /// <summary>Every watched conversation of the property now.</summary>
    [Alias("Get")]
    Task<IReadOnlyList<WatchersChanged>> GetAsync();
}
