namespace Conversations.Grains.Interfaces.Agents;

/// <summary>One personal API token, keyed by the hex SHA-256 of its secret.</summary>
[Alias("Conversations.IApiTokenGrain")]
public interface IApiTokenGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task RegisterAsync(Guid agentId, Guid tokenId);

    /// <summary>The owning agent, or null for an unknown or revoked token.</summary>
    [Alias("Resolve")]
    Task<Guid?> ResolveAsync();

    [Alias("Revoke")]
    Task RevokeAsync();
}
