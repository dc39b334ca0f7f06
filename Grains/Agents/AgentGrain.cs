using System.Buffers.Text;
using System.Security.Cryptography;
using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Grains.Interfaces.Realtime;

namespace Conversations.Grains.Agents;

public sealed class AgentGrain(
    [PersistentState("agent", ConversationsNames.GrainStorage)] IPersistentState<AgentState> state,
    TimeProvider clock) : Grain, IAgentGrain
{
    public const int MaxApiTokens = 20;
    public const int MaxConnections = 50;

    private readonly ConnectionLeases _leases = new(clock);
    private IGrainTimer? _leaseCheck;

    private AgentState Agent => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _leases.Renew(Agent.Connections);
        WatchLeases();
        return Task.CompletedTask;
    }

    public async Task<AgentView> CreateAsync(string email, string name)
    {
        var normalized = EmailAddress.Normalize(email);
        if (Agent.Exists)
        {
            return Agent.Email == normalized
                ? View()
                : throw new DomainException(DomainErrorCode.Conflict, "This agent id is taken.");
        }

        Agent.Email = normalized;
        Agent.Name = DisplayName.Clean(name, "An agent");
        Agent.Exists = true;
        await this.PersistAsync(state.WriteStateAsync);
        return View();
    }

    public Task<AgentView> GetAsync()
    {
        EnsureExists();
        return Task.FromResult(View());
    }

    public Task<PropertyRole?> GetRoleAsync(string propertyId) =>
        Task.FromResult(Agent.Exists && Agent.Memberships.TryGetValue(propertyId, out var role) ? role : (PropertyRole?)null);

    public async Task SetMembershipAsync(string propertyId, PropertyRole role)
    {
        EnsureExists();
        if (Agent.Memberships.TryGetValue(propertyId, out var current) && current == role)
        {
            return;
        }

        Agent.Memberships[propertyId] = role;
        await this.PersistAsync(state.WriteStateAsync);
        await AnnounceAsync(propertyId, role);
    }

    public async Task RemoveMembershipAsync(string propertyId)
    {
        if (Agent.Memberships.Remove(propertyId))
        {
            await this.PersistAsync(state.WriteStateAsync);
        }

        // Also when there was nothing to remove: a retry after a failed announcement announces again.
        await AnnounceAsync(propertyId, null);
    }

    public async Task<NewApiToken> CreateApiTokenAsync(string name)
    {
        EnsureExists();
        if (Agent.ApiTokens.Count >= MaxApiTokens)
        {
            throw new DomainException(DomainErrorCode.Conflict, $"An agent can have at most {MaxApiTokens} API tokens; revoke one first.");
        }

        var info = new ApiTokenInfo(Guid.NewGuid(), DisplayName.Clean(name, "A token"), clock.GetUtcNow());
        var secret = ApiTokenHash.Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var hash = ApiTokenHash.Of(secret);
        await GrainFactory.GetGrain<IApiTokenGrain>(hash).RegisterAsync(this.GetPrimaryKey(), info.Id);
        Agent.ApiTokens[info.Id] = new StoredApiToken(info, hash);
        await this.PersistAsync(state.WriteStateAsync);
        return new NewApiToken(info, secret);
    }

    public Task<IReadOnlyList<ApiTokenInfo>> GetApiTokensAsync()
    {
        EnsureExists();
        return Task.FromResult<IReadOnlyList<ApiTokenInfo>>(Agent.ApiTokens.Values.Select(t => t.Info).OrderBy(t => t.CreatedAt).ToList());
    }

    public async Task RevokeApiTokenAsync(Guid tokenId)
    {
        EnsureExists();
        if (!Agent.ApiTokens.TryGetValue(tokenId, out var token))
        {
            throw DomainException.NotFound("The token");
        }

        await GrainFactory.GetGrain<IApiTokenGrain>(token.Hash).RevokeAsync();
        Agent.ApiTokens.Remove(tokenId);
        await this.PersistAsync(state.WriteStateAsync);
    }

    public async Task ConnectedAsync(string connectionId)
    {
        _leases.Renew([connectionId]);
        await ChangeConnectionsAsync(c => c.Add(connectionId));
        WatchLeases();
    }

    public Task DisconnectedAsync(string connectionId)
    {
        _leases.Forget(connectionId);
        return ChangeConnectionsAsync(c => c.Remove(connectionId));
    }

    public async Task RenewConnectionsAsync(IReadOnlyCollection<string> connectionIds)
    {
        EnsureExists();
        _leases.Renew(connectionIds);
        if (!connectionIds.All(Agent.Connections.Contains))
        {
            // Dropped while its web node could not renew it (a partition, a slow node) yet still open there: back online.
            await ChangeConnectionsAsync(c => connectionIds.Aggregate(false, (changed, id) => c.Add(id) || changed));
        }

        WatchLeases();
    }

    /// <summary>Checks for lapsed leases while any connection is open; the check keeps the grain active meanwhile.</summary>
    private void WatchLeases()
    {
        if (Agent.Connections.Count > 0 && _leaseCheck is null)
        {
            _leaseCheck = this.RegisterGrainTimer(DropLapsedConnectionsAsync,
                new GrainTimerCreationOptions(ConnectionLeases.CheckPeriod, ConnectionLeases.CheckPeriod) { KeepAlive = true });
        }
    }

    private async Task DropLapsedConnectionsAsync(CancellationToken cancellationToken)
    {
        var lapsed = _leases.Lapsed(Agent.Connections);
        if (lapsed.Count > 0)
        {
            await ChangeConnectionsAsync(c => lapsed.Aggregate(false, (changed, id) => c.Remove(id) || changed));
        }

        if (Agent.Connections.Count == 0)
        {
            _leaseCheck?.Dispose();
            _leaseCheck = null;
        }
    }

    public Task<NotificationPreferences> GetNotificationPreferencesAsync()
    {
        EnsureExists();
        return Task.FromResult(Agent.Notifications ?? NotificationPreferences.Default);
    }

    public async Task<NotificationPreferences> SetNotificationPreferencesAsync(NotificationPreferences preferences)
    {
        EnsureExists();
        ArgumentNullException.ThrowIfNull(preferences);
        if (Agent.Notifications != preferences)
        {
            Agent.Notifications = preferences;
            await this.PersistAsync(state.WriteStateAsync);
        }

        return preferences;
    }

    public async Task<AgentPresence> SetPresenceAsync(AgentPresence presence)
    {
        EnsureExists();
        if (presence is not (AgentPresence.Online or AgentPresence.Away))
        {
            throw DomainException.Invalid("Presence can be set to Online or Away.");
        }

        await ChangePresenceAsync(() => Agent.ChosenPresence = presence);
        return Presence;
    }

    private Task ChangeConnectionsAsync(Func<HashSet<string>, bool> change)
    {
        EnsureExists();
        return ChangePresenceAsync(() =>
        {
            change(Agent.Connections);
            if (Agent.Connections.Count > MaxConnections)
            {
                // Connections of a web node that died without saying so; keep the newest-looking set bounded.
                Agent.Connections.Remove(Agent.Connections.First());
            }
        });
    }

    private async Task ChangePresenceAsync(Action change)
    {
        var before = Presence;
        change();
        await this.PersistAsync(state.WriteStateAsync);
        if (Presence == before)
        {
            return;
        }

        var streams = this.GetStreamProvider(ConversationsNames.StreamProvider);
        foreach (var propertyId in Agent.Memberships.Keys)
        {
            try
            {
                await GrainFactory.GetGrain<IPropertyGrain>(propertyId).SetAgentOnlineAsync(this.GetPrimaryKey(), Presence == AgentPresence.Online);
            }
            catch (DomainException e) when (e.Code == DomainErrorCode.NotFound)
            {
                // A membership whose property's creation never finished (a crash between the two writes): nobody to tell.
                continue;
            }

            await streams.GetStream<AgentPresenceChanged>(StreamTopics.Presence(propertyId))
                .OnNextAsync(new AgentPresenceChanged(propertyId, this.GetPrimaryKey(), Agent.Name, Presence, clock.GetUtcNow()));
        }
    }

    /// <summary>
    /// Tells every web node that the role changed (ADM-4, OPS-2), after the change is stored. A failure is thrown, so the
    /// caller retries; a web node also re-reads the roles it relies on within seconds, should an announcement be lost.
    /// </summary>
    private Task AnnounceAsync(string propertyId, PropertyRole? role) =>
        this.GetStreamProvider(ConversationsNames.StreamProvider)
            .GetStream<AgentAccessChanged>(StreamTopics.Access)
            .OnNextAsync(new AgentAccessChanged(propertyId, this.GetPrimaryKey(), role, clock.GetUtcNow()));

    private AgentPresence Presence => Agent.Connections.Count == 0 ? AgentPresence.Offline : Agent.ChosenPresence;

    private void EnsureExists()
    {
        if (!Agent.Exists)
        {
            throw DomainException.NotFound("The agent");
        }
    }

    private AgentView View() => new(
        this.GetPrimaryKey(), Agent.Email, Agent.Name, Presence,
        Agent.Memberships.Select(m => new AgentMembership(m.Key, m.Value)).OrderBy(m => m.PropertyId, StringComparer.Ordinal).ToList());
}
