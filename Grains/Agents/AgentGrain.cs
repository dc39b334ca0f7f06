using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Properties;

namespace Conversations.Grains.Agents;

public sealed class AgentGrain(
    [PersistentState("agent", ConversationsNames.GrainStorage)] IPersistentState<AgentState> state) : Grain, IAgentGrain
{

    private AgentState Agent => state.State;

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
        await state.WriteStateAsync();
        return View();
    }

    public Task<AgentView> GetAsync() =>
        Agent.Exists ? Task.FromResult(View()) : throw DomainException.NotFound("The agent");

    public Task<PropertyRole?> GetRoleAsync(string propertyId) =>
        Task.FromResult(Agent.Exists && Agent.Memberships.TryGetValue(propertyId, out var role) ? role : (PropertyRole?)null);

    public async Task SetMembershipAsync(string propertyId, PropertyRole role)
    {
        if (!Agent.Exists)
        {
            throw DomainException.NotFound("The agent");
        }

        if (Agent.Memberships.TryGetValue(propertyId, out var current) && current == role)
        {
            return;
        }

        Agent.Memberships[propertyId] = role;
        await state.WriteStateAsync();
    }

    public async Task RemoveMembershipAsync(string propertyId)
    {
        if (Agent.Memberships.Remove(propertyId))
        {
            await state.WriteStateAsync();
        }
    }

    private AgentView View() => new(
        this.GetPrimaryKey(), Agent.Email, Agent.Name, Agent.Presence,
        Agent.Memberships.Select(m => new AgentMembership(m.Key, m.Value)).OrderBy(m => m.PropertyId, StringComparer.Ordinal).ToList());
}
