namespace Conversations.Grains.Interfaces.Properties;

/// <summary>A property (one website or brand; the tenant boundary), keyed by its id.</summary>
[Alias("Conversations.IPropertyGrain")]
public interface IPropertyGrain : IGrainWithStringKey
{
    /// <summary>Creates the property; creating it again returns it unchanged.</summary>
    [Alias("Create")]
    Task<PropertyView> CreateAsync(string name, string? supportEmail);

    /// <summary>
    /// Creates the property with <paramref name="creatorId"/> as its first admin, in one step (ADM-4). Repeating it is
    /// harmless for that admin; for anyone else an existing id is a Conflict, so nobody joins a property by creating it.
    /// </summary>
    [Alias("CreateAsAdmin")]
    Task<PropertyView> CreateAsAdminAsync(Guid creatorId, string name, string? supportEmail);

    [Alias("Get")]
    Task<PropertyView> GetAsync();

    /// <summary>The keys web nodes sign and verify visitor identities with. Internal: never sent to a browser.</summary>
    [Alias("GetSecrets")]
    Task<PropertySecrets> GetSecretsAsync();

    [Alias("RotateIdentitySecret")]
    Task<PropertySecrets> RotateIdentitySecretAsync();

    [Alias("Rename")]
    Task<PropertyView> RenameAsync(string name);

    /// <summary>ADM-1: the address whose mail opens tickets here; null removes it. An address belongs to one property.</summary>
    [Alias("SetSupportEmail")]
    Task<PropertyView> SetSupportEmailAsync(string? supportEmail);

    /// <summary>Adds the agent or changes their role; the agent's own membership list follows.</summary>
    [Alias("SetMember")]
    Task SetMemberAsync(Guid agentId, PropertyRole role);

    [Alias("RemoveMember")]
    Task RemoveMemberAsync(Guid agentId);

    [Alias("GetMembers")]
    Task<IReadOnlyList<PropertyMember>> GetMembersAsync();

    [Alias("GetDepartments")]
    Task<IReadOnlyList<Guid>> GetDepartmentsAsync();

    /// <summary>Called by a department grain when it is created or deleted.</summary>
    [Alias("ListDepartment")]
    Task ListDepartmentAsync(Guid departmentId, bool listed);

    /// <summary>Called by an agent grain when the agent comes online or goes away/offline.</summary>
    [Alias("SetAgentOnline")]
    Task SetAgentOnlineAsync(Guid agentId, bool online);

    /// <summary>Whether any agent of the property is online: the widget offers the offline form otherwise (CHAT-9).</summary>
    [Alias("HasAgentOnline")]
    Task<bool> HasAgentOnlineAsync();

    /// <summary>The members whose presence is Online (RTE-1: whom routing may give conversations); empty for a property that does not exist.</summary>
    [Alias("GetOnlineAgents")]
    Task<IReadOnlyList<Guid>> GetOnlineAgentsAsync();
}
