using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Departments;
using Conversations.Grains.Interfaces.Properties;

namespace Conversations.Tests.Infrastructure;

/// <summary>Agents and departments of a property made straight through the grains, for tests that assign conversations.</summary>
public static class PropertyTeam
{
    /// <summary>A new agent who is a member of <paramref name="propertyId"/> (the property is created when new).</summary>
    public static async Task<AgentView> NewAgentAsync(IClusterClient client, string propertyId, PropertyRole role = PropertyRole.Agent)
    {
        var property = client.GetGrain<IPropertyGrain>(propertyId);
        await property.CreateAsync("Team test " + propertyId, null);
        var id = Guid.NewGuid();
        var agent = client.GetGrain<IAgentGrain>(id);
        await agent.CreateAsync($"agent-{id:N}@example.com", "Agent " + id.ToString("N")[..4]);
        await property.SetMemberAsync(id, role);
        return await agent.GetAsync();
    }

    /// <summary>A new department of <paramref name="propertyId"/> (created when new) with the given members.</summary>
    public static async Task<Guid> NewDepartmentAsync(IClusterClient client, string propertyId, params Guid[] members)
    {
        await client.GetGrain<IPropertyGrain>(propertyId).CreateAsync("Team test " + propertyId, null);
        var id = Guid.NewGuid();
        var department = client.GetGrain<IDepartmentGrain>(id);
        await department.CreateAsync(propertyId, "Department " + id.ToString("N")[..4]);
        if (members.Length > 0)
        {
            await department.SetMembersAsync(propertyId, members);
        }

        return id;
    }
}
