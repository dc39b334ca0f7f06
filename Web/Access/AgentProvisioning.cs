using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Properties;

namespace Conversations.Web.Access;

/// <summary>Creates an agent with a password and a role on a property, or updates the role of an existing one.</summary>
public sealed class AgentProvisioning(IClusterClient cluster)
{
    public async Task<AgentView> ProvisionAsync(string propertyId, string email, string name, string? password, PropertyRole role)
    {
        var normalized = EmailAddress.Normalize(email);
        var login = cluster.GetGrain<IAgentLoginGrain>(normalized);
        var existing = await login.GetAgentIdAsync();
        var agentId = existing ?? Guid.NewGuid();
        var agent = cluster.GetGrain<IAgentGrain>(agentId);
        await agent.CreateAsync(normalized, name);
        if (existing is null || password is not null)
        {
            await login.SetPasswordAsync(agentId, password ?? "");
        }

        await cluster.GetGrain<IPropertyGrain>(propertyId).SetMemberAsync(agentId, role);
        return await agent.GetAsync();
    }
}
