using System.Security.Claims;
using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Properties;

namespace Conversations.Web.Access;

/// <summary>
/// The one place that decides whether a caller may touch a property. Anything of a property the
/// caller does not belong to is reported as not found, so its existence is not revealed.
/// </summary>
public sealed class PropertyAccess(IClusterClient cluster)
{
    public async Task<PropertyRole?> RoleAsync(ClaimsPrincipal user, string? propertyId)
    {
        if (user.AgentId() is not { } agentId || string.IsNullOrEmpty(propertyId) || propertyId.Length > 100)
        {
            return null;
        }

        return await cluster.GetGrain<IAgentGrain>(agentId).GetRoleAsync(propertyId);
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
