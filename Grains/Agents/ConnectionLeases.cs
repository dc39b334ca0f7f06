namespace Conversations.Grains.Agents;

/// <summary>
/// When each of an agent's console connections was last vouched for by its web node (OPS-2). Kept in memory only: after a
/// (re)activation every stored connection starts with a fresh lease, so a live web node's renewal keeps it and a dead
/// node's connection lapses <see cref="Lease"/> later.
/// </summary>
public sealed class ConnectionLeases(TimeProvider clock)
{
    /// <summary>A web node renews its connections every <see cref="RenewalPeriod"/>; three missed renewals end a connection.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(20);

    public static readonly TimeSpan RenewalPeriod = TimeSpan.FromSeconds(6);

    /// <summary>How often lapsed leases are looked for: an agent of a dead web node is offline within Lease + CheckPeriod (25 s).</summary>
    public static readonly TimeSpan CheckPeriod = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, DateTimeOffset> _until = [];

    public void Renew(IEnumerable<string> connectionIds)
    {
        var until = clock.GetUtcNow() + Lease;
        foreach (var id in connectionIds)
        {
            _until[id] = until;
        }
    }

    public void Forget(string connectionId) => _until.Remove(connectionId);

    /// <summary>The connections among <paramref name="open"/> whose lease ran out (or that never had one).</summary>
    public List<string> Lapsed(IEnumerable<string> open)
    {
        var now = clock.GetUtcNow();
        var lapsed = open.Where(id => !_until.TryGetValue(id, out var until) || until < now).ToList();
        lapsed.ForEach(Forget);
        return lapsed;
    }
}
