using Conversations.Grains.Interfaces.Collision;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Sla;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Web.Realtime;

/// <summary>
/// The live feeds of properties that agent connections on this web node have joined: the property's SignalR group and
/// the stream subscriptions that fill it. Access is checked as a connection joins; <see cref="RevokeAsync"/> takes the
/// feed away from a removed agent's connections (ADM-4), and they are told with "accessRevoked".
/// </summary>
public sealed class PropertyFeeds(IHubContext<AgentHub> hub, TopicRelay relay)
{
    public const string AccessRevokedMethod = "accessRevoked";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Connection> _connections = [];

    /// <summary>
    /// Joins the connection to the property's feed if <paramref name="requireAccess"/> lets it. The connection is known as
    /// joining before access is checked, so a revocation that arrives meanwhile finds it; one that arrives while it
    /// subscribes is noticed afterwards and undone.
    /// </summary>
    public async Task JoinAsync(Guid agentId, string connectionId, string propertyId, Func<Task> requireAccess)
    {
        var isNew = Track(agentId, connectionId, propertyId);
        try
        {
            await requireAccess();
        }
        catch when (isNew)
        {
            Untrack(connectionId, propertyId);
            throw;
        }
        catch (DomainException)
        {
            // Joined before, refused now: the feed goes too.
            await LeaveAsync(connectionId, propertyId);
            throw;
        }

        await SubscribeAsync(connectionId, propertyId);
        if (!IsJoined(connectionId, propertyId))
        {
            await UnsubscribeAsync(connectionId, propertyId);
            throw DomainException.NotFound("The property");
        }
    }

    public async Task LeaveAsync(string connectionId, string propertyId)
    {
        Untrack(connectionId, propertyId);
        await UnsubscribeAsync(connectionId, propertyId);
    }

    /// <summary>The connection closed: SignalR drops its groups and the relay its subscriptions.</summary>
    public void Forget(string connectionId)
    {
        lock (_lock)
        {
            _connections.Remove(connectionId);
        }
    }

    /// <summary>Takes the property's feed away from every connection of the agent on this node; returns how many had it.</summary>
    public async Task<int> RevokeAsync(Guid agentId, string propertyId)
    {
        List<string> revoked;
        lock (_lock)
        {
            revoked = _connections.Where(c => c.Value.AgentId == agentId && c.Value.PropertyIds.Remove(propertyId)).Select(c => c.Key).ToList();
        }

        foreach (var connectionId in revoked)
        {
            await UnsubscribeAsync(connectionId, propertyId);
            await hub.Clients.Client(connectionId).SendAsync(AccessRevokedMethod, new AccessRevoked(propertyId));
        }

        return revoked.Count;
    }

    /// <summary>Every agent and property with a feed joined on this node.</summary>
    public IReadOnlyList<(Guid AgentId, string PropertyId)> Joined()
    {
        lock (_lock)
        {
            return _connections.Values.SelectMany(c => c.PropertyIds.Select(p => (c.AgentId, p))).Distinct().ToList();
        }
    }

    private bool Track(Guid agentId, string connectionId, string propertyId)
    {
        lock (_lock)
        {
            if (!_connections.TryGetValue(connectionId, out var connection))
            {
                _connections[connectionId] = connection = new Connection(agentId, []);
            }

            return connection.PropertyIds.Add(propertyId);
        }
    }

    private void Untrack(string connectionId, string propertyId)
    {
        lock (_lock)
        {
            if (_connections.TryGetValue(connectionId, out var connection) && connection.PropertyIds.Remove(propertyId) && connection.PropertyIds.Count == 0)
            {
                _connections.Remove(connectionId);
            }
        }
    }

    private bool IsJoined(string connectionId, string propertyId)
    {
        lock (_lock)
        {
            return _connections.TryGetValue(connectionId, out var connection) && connection.PropertyIds.Contains(propertyId);
        }
    }

    private async Task SubscribeAsync(string connectionId, string propertyId)
    {
        var groups = HubGroups.Property(propertyId);
        await hub.Groups.AddToGroupAsync(connectionId, groups.Group);
        await relay.JoinAsync<ConversationEvent>(Audience.Agents, groups, connectionId);
        await relay.JoinAsync<AgentPresenceChanged>(Audience.Agents, HubGroups.Presence(propertyId), connectionId);
        await relay.JoinAsync<TypingChanged>(Audience.Agents, HubGroups.AgentTyping(propertyId), connectionId);
        await relay.JoinAsync<VisitorSeen>(Audience.Agents, HubGroups.AgentSeen(propertyId), connectionId);
        await relay.JoinAsync<SlaBreached>(Audience.Agents, HubGroups.Sla(propertyId), connectionId);
        await relay.JoinAsync<WatchersChanged>(Audience.Agents, HubGroups.Watchers(propertyId), connectionId);
    }

    private async Task UnsubscribeAsync(string connectionId, string propertyId)
    {
        var groups = HubGroups.Property(propertyId);
        await hub.Groups.RemoveFromGroupAsync(connectionId, groups.Group);
        await relay.LeaveAsync(Audience.Agents, groups, connectionId);
        await relay.LeaveAsync(Audience.Agents, HubGroups.Presence(propertyId), connectionId);
        await relay.LeaveAsync(Audience.Agents, HubGroups.AgentTyping(propertyId), connectionId);
        await relay.LeaveAsync(Audience.Agents, HubGroups.AgentSeen(propertyId), connectionId);
        await relay.LeaveAsync(Audience.Agents, HubGroups.Sla(propertyId), connectionId);
        await relay.LeaveAsync(Audience.Agents, HubGroups.Watchers(propertyId), connectionId);
    }

    private sealed record Connection(Guid AgentId, HashSet<string> PropertyIds);
}
