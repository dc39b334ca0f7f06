using System.Collections.Concurrent;
using Conversations.Grains.Interfaces.Properties;
using Microsoft.Extensions.Options;

namespace Conversations.Web.Access;

/// <summary>
/// The roles this web node read from agent grains, kept for <see cref="AccessSettings.RoleCacheLifetime"/> (10 s) so that a request or hub call does not
/// ask the agent's grain each time. Only memberships are kept: a refusal asks again, so a new member gets in at once.
/// An access change announced by the cluster drops the entry at once (<see cref="AccessRevocations"/>); the lifetime
/// bounds how long a role can outlive an announcement that was lost.
/// </summary>
public sealed class RoleCache(TimeProvider clock, IOptions<AccessSettings> settings)
{
    private readonly TimeSpan _lifetime = settings.Value.RoleCacheLifetime;
    private readonly ConcurrentDictionary<(Guid AgentId, string PropertyId), Entry> _roles = new();
    private long _generation;

    /// <summary>Read before asking a grain and handed to <see cref="Store"/>, so an answer an invalidation overtook is not kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public int Count => _roles.Count;

    public bool TryGet(Guid agentId, string propertyId, out PropertyRole role)
    {
        if (_roles.TryGetValue((agentId, propertyId), out var entry) && entry.ExpiresAt > clock.GetUtcNow())
        {
            role = entry.Role;
            return true;
        }

        role = default;
        return false;
    }

    public void Store(Guid agentId, string propertyId, PropertyRole role, long generation)
    {
        var key = (agentId, propertyId);
        _roles[key] = new Entry(role, clock.GetUtcNow() + _lifetime);

        // Set first, then check: an invalidation either came before the check (and the entry goes here) or after the set
        // (and it removes the entry itself).
        if (Generation != generation)
        {
            _roles.TryRemove(key, out _);
        }
    }

    public void Invalidate(Guid agentId, string propertyId)
    {
        Interlocked.Increment(ref _generation);
        _roles.TryRemove((agentId, propertyId), out _);
    }

    public void RemoveExpired()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, entry) in _roles)
        {
            if (entry.ExpiresAt <= now)
            {
                _roles.TryRemove(new KeyValuePair<(Guid, string), Entry>(key, entry));
            }
        }
    }

    private sealed record Entry(PropertyRole Role, DateTimeOffset ExpiresAt);
}
