using Conversations.Grains.Audit;
using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Audit;
using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Departments;
using Conversations.Grains.Interfaces.Properties;

namespace Conversations.Grains.Departments;

public sealed class DepartmentGrain(
    [PersistentState("department", ConversationsNames.GrainStorage)] IPersistentState<DepartmentState> state,
    IAuditStore audit,
    TimeProvider clock) : Grain, IDepartmentGrain
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
        await AuditAsync(AuditActions.DepartmentCreated, null, Department.Name);
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
        var before = Department.Name;
        Department.Name = DisplayName.Clean(name, "A department");
        await this.PersistAsync(state.WriteStateAsync);
        await AuditAsync(AuditActions.DepartmentRenamed, before, Department.Name);
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

        // The agents' own memberships, not the property's list: a removal changes them first and then calls
        // RemoveMemberAsync here, which runs after this call, so a removed agent never stays a member.
        var roles = await Task.WhenAll(wanted.Select(id => GrainFactory.GetGrain<IAgentGrain>(id).GetRoleAsync(propertyId)));
        if (wanted.Where((_, i) => roles[i] is null).Select(id => (Guid?)id).FirstOrDefault() is { } stranger)
        {
            throw DomainException.Invalid($"Agent {stranger} is not an agent of this property.");
        }

        var before = Members();
        Department.Members = wanted;
        await this.PersistAsync(state.WriteStateAsync);
        await AuditAsync(AuditActions.DepartmentMembersChanged, before, Members());
        return View();
    }

    public async Task RemoveMemberAsync(string propertyId, Guid agentId)
    {
        // A department the property lists but that was never written (a crash while creating it) has nobody to remove.
        if (!state.RecordExists || Department.PropertyId != propertyId)
        {
            return;
        }

        if (Department.Members.Remove(agentId))
        {
            await this.PersistAsync(state.WriteStateAsync);
        }
    }

    public async Task DeleteAsync(string propertyId)
    {
        EnsureProperty(propertyId);
        var name = Department.Name;
        await GrainFactory.GetGrain<IPropertyGrain>(propertyId).ListDepartmentAsync(this.GetPrimaryKey(), listed: false);
        await this.PersistAsync(state.ClearStateAsync);
        await audit.RecordAsync(clock, propertyId, AuditActions.DepartmentDeleted, "department", this.GetPrimaryKey().ToString(), name, null);
        DeactivateOnIdle();
    }

    private Task AuditAsync(string action, string? before, string? after) =>
        audit.RecordAsync(clock, Department.PropertyId, action, "department", this.GetPrimaryKey().ToString(), before, after);

    private string Members() => string.Join(",", Department.Members.Order());

    private void EnsureProperty(string propertyId)
    {
        if (!state.RecordExists || Department.PropertyId != propertyId)
        {
            throw DomainException.NotFound("The department");
        }
    }

    private DepartmentView View() => new(this.GetPrimaryKey(), Department.PropertyId, Department.Name, Department.Members);
}
