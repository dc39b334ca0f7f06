using System.Security.Claims;
using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Properties;

namespace Conversations.Web.Access;

/// <summary>
/// The one place that decides whether a caller may touch a property, on every REST request and hub call. Anything of a
/// property the caller does not belong to is reported as not found, so its existence is not revealed. The agent's grain
/// holds the truth; <see cref="RoleCache"/> keeps this node from asking it on every call.
/// </summary>
public sealed class PropertyAccess(IClusterClient cluster, RoleCache roles)
{
    public const int MaxPropertyIdLength = 100;

    public async Task<PropertyRole?> RoleAsync(ClaimsPrincipal user, string? propertyId)
    {
        if (user.AgentId() is not { } agentId || string.IsNullOrEmpty(propertyId) || propertyId.Length > MaxPropertyIdLength)
        {
            return null;
        }

        return roles.TryGet(agentId, propertyId, out var role) ? role : await ReadRoleAsync(agentId, propertyId);
    }

    /// <summary>Asks the agent's grain, bypassing the cache, and keeps a membership for a while.</summary>
    public async Task<PropertyRole?> ReadRoleAsync(Guid agentId, string propertyId)
    {
        var generation = roles.Generation;
        var role = await cluster.GetGrain<IAgentGrain>(agentId).GetRoleAsync(propertyId);
        if (role is { } member)
        {
            roles.Store(agentId, propertyId, member, generation);
        }

        return role;
    }

    /// <summary>Throws NotFound unless the caller is a member (and an admin when <paramref name="adminOnly"/>).</summary>
    public async Task<Guid> RequireAsync(ClaimsPrincipal user, string? propertyId, bool adminOnly = false)
    {
        var role = await RoleAsync(user, propertyId);
        if (role is null)
        {
            throw DomainException.NotFound("The property");
        }

        if (adminOnly && role != PropertyRole.Admin)
        {
            throw new DomainException(DomainErrorCode.Forbidden, "Only an admin of this property can do this.");
        }

        return user.AgentId()!.Value;
    }
}
