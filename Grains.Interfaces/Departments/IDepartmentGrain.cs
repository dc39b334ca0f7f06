namespace Conversations.Grains.Interfaces.Departments;

/// <summary>A team inside a property; an assignee of tickets (TIC-6). Every call names the property it belongs to.</summary>
[Alias("Conversations.IDepartmentGrain")]
public interface IDepartmentGrain : IGrainWithGuidKey
{
    /// <summary>Creates the department and lists it on its property; repeating it returns it.</summary>
    [Alias("Create")]
    Task<DepartmentView> CreateAsync(string propertyId, string name);

    [Alias("Get")]
    Task<DepartmentView> GetAsync(string propertyId);

    [Alias("Rename")]
    Task<DepartmentView> RenameAsync(string propertyId, string name);

    /// <summary>Replaces the members; each must be an agent of the property (as the agent's own membership says).</summary>
    [Alias("SetMembers")]
    Task<DepartmentView> SetMembersAsync(string propertyId, IReadOnlyList<Guid> agentIds);

    /// <summary>Takes an agent out of the members (the agent left the property); harmless when they are not one.</summary>
    [Alias("RemoveMember")]
    Task RemoveMemberAsync(string propertyId, Guid agentId);

    [Alias("Delete")]
    Task DeleteAsync(string propertyId);
}
