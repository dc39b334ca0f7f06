using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Properties;

namespace Conversations.Web.Access;

/// <summary>Creates an agent with a password and a role on a property, or gives an existing agent a role.</summary>
public sealed class AgentProvisioning(IClusterClient cluster)
{
    /// <summary>
    /// A new address needs <paramref name="password"/>. An existing account keeps its password: it is
    /// never changed through a property's admin. A password given for an existing account is refused,
    /// unless <paramref name="ignorePasswordOfExisting"/> (the first-run seed, repeated at every start).
    /// </summary>
    public async Task<AgentView> ProvisionAsync(
        string propertyId, string email, string name, string? password, PropertyRole role, bool ignorePasswordOfExisting = false)
    {
        var normalized = EmailAddress.NormalizeKey(email);
        await cluster.GetGrain<IPropertyGrain>(propertyId).GetAsync();
        var login = cluster.GetGrain<IAgentLoginGrain>(normalized);
        var agentId = await login.ClaimAsync(Guid.NewGuid());
        var agent = cluster.GetGrain<IAgentGrain>(agentId);
        await agent.CreateAsync(normalized, name);
        if (password is null)
        {
            if (!await login.HasPasswordAsync())
            {
                throw DomainException.Invalid("A new agent needs a password.");
            }
        }
        else if (!await login.SetInitialPasswordAsync(agentId, password) && !ignorePasswordOfExisting)
        {
            throw new DomainException(DomainErrorCode.Conflict, "This email already has an account; add it without a password.");
        }

        await cluster.GetGrain<IPropertyGrain>(propertyId).SetMemberAsync(agentId, role);
        return await agent.GetAsync();
    }
}
