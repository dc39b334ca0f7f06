using Conversations.Grains.Interfaces.Properties;

namespace Conversations.Grains.Interfaces.Agents;

/// <summary>A team member, keyed by a generated id; sign-in goes through <see cref="IAgentLoginGrain"/>.</summary>
[Alias("Conversations.IAgentGrain")]
public interface IAgentGrain : IGrainWithGuidKey
{
    /// <summary>Creates the profile; creating it again with the same email returns it.</summary>
    [Alias("Create")]
    Task<AgentView> CreateAsync(string email, string name);

    [Alias("Get")]
    Task<AgentView> GetAsync();

    /// <summary>The agent's role on the property, or null when they are not a member (or do not exist).</summary>
    [Alias("GetRole")]
    Task<PropertyRole?> GetRoleAsync(string propertyId);

    [Alias("SetMembership")]
    Task SetMembershipAsync(string propertyId, PropertyRole role);

    [Alias("RemoveMembership")]
    Task RemoveMembershipAsync(string propertyId);

    [Alias("CreateApiToken")]
    Task<NewApiToken> CreateApiTokenAsync(string name);

    [Alias("GetApiTokens")]
    Task<IReadOnlyList<ApiTokenInfo>> GetApiTokensAsync();

    [Alias("RevokeApiToken")]
    Task RevokeApiTokenAsync(Guid tokenId);

    /// <summary>A console connection opened; the agent is online (or stays away) while one is open.</summary>
    [Alias("Connected")]
    Task ConnectedAsync(string connectionId);

    [Alias("Disconnected")]
    Task DisconnectedAsync(string connectionId);

    /// <summary>
    /// The web node holding these connections says they are still open (every few seconds, OPS-2). A connection not renewed
    /// for a while is dropped, so the agents of a web node that died go offline.
    /// </summary>
    [Alias("RenewConnections")]
    Task RenewConnectionsAsync(IReadOnlyCollection<string> connectionIds);

    /// <summary>Online or Away while connected; Offline is what no connection means and cannot be chosen.</summary>
    [Alias("SetPresence")]
    Task<AgentPresence> SetPresenceAsync(AgentPresence presence);

    /// <summary>Sound and desktop notification choices, the same in every browser the agent signs in from.</summary>
    [Alias("GetNotificationPreferences")]
    Task<NotificationPreferences> GetNotificationPreferencesAsync();

    [Alias("SetNotificationPreferences")]
    Task<NotificationPreferences> SetNotificationPreferencesAsync(NotificationPreferences preferences);
}
