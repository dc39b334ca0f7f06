using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Departments;
using Conversations.Grains.Interfaces.Properties;

namespace Conversations.Grains.Departments;

public sealed class DepartmentGrain(
    [PersistentState("department", ConversationsNames.GrainStorage)] IPersistentState<DepartmentState> state) : Grain, IDepartmentGrain
{
    public const int MaxMembers = 500;

    private DepartmentState Department => state.State;

    public async Task<DepartmentView> CreateAsync(string propertyId, string name)
    {
        if (state.RecordExists)
        {
            EnsureProperty(propertyId);
            return View();
        }

        var property = GrainFactory.GetGrain<IPropertyGrain>(propertyId);
        await property.GetAsync();
        Department.PropertyId = propertyId;
        Department.Name = DisplayName.Clean(name, "A department");

        // Listed first: a crash before the write leaves an id the property lists but nothing
        // answers for, which reads skip; the reverse would leave a department nobody can find.
        await property.ListDepartmentAsync(this.GetPrimaryKey(), listed: true);
        await this.PersistAsync(state.WriteStateAsync);
        return View();
    }

    public Task<DepartmentView> GetAsync(string propertyId)
    {
        EnsureProperty(propertyId);
        return Task.FromResult(View());
    }

    public async Task<DepartmentView> RenameAsync(string propertyId, string name)
    {
        EnsureProperty(propertyId);
        Department.Name = DisplayName.Clean(name, "A department");
        await this.PersistAsync(state.WriteStateAsync);
        return View();
    }

    public async Task<DepartmentView> SetMembersAsync(string propertyId, IReadOnlyList<Guid> agentIds)
    {
        EnsureProperty(propertyId);
        var wanted = (agentIds ?? []).Distinct().ToList();
        if (wanted.Count > MaxMembers)
        {
            throw DomainException.Invalid($"A department can have at most {MaxMembers} members.");
        }

        var agents = (await GrainFactory.GetGrain<IPropertyGrain>(propertyId).GetMembersAsync()).Select(m => m.AgentId).ToHashSet();
        if (wanted.Where(id => !agents.Contains(id)).Select(id => (Guid?)id).FirstOrDefault() is { } stranger)
        {
            throw DomainException.Invalid($"Agent {stranger} is not an agent of this property.");
        }

        Department.Members = wanted;
        await this.PersistAsync(state.WriteStateAsync);
        return View();
    }

    public async Task DeleteAsync(string propertyId)
    {
        EnsureProperty(propertyId);
        await GrainFactory.GetGrain<IPropertyGrain>(propertyId).ListDepartmentAsync(this.GetPrimaryKey(), listed: false);
        await this.PersistAsync(state.ClearStateAsync);
        DeactivateOnIdle();
    }

    private void EnsureProperty(string propertyId)
    {
        if (!state.RecordExists || Department.PropertyId != propertyId)
        {
            throw DomainException.NotFound("The department");
        }
    }

    private DepartmentView View() => new(this.GetPrimaryKey(), Department.PropertyId, Department.Name, Department.Members);
}
