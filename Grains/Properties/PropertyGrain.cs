using System.Security.Cryptography;
using Conversations.Grains.Audit;
using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Audit;
using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Departments;
using Conversations.Grains.Interfaces.Email;
using Conversations.Grains.Interfaces.Properties;

namespace Conversations.Grains.Properties;

public sealed class PropertyGrain(
    [PersistentState("property", ConversationsNames.GrainStorage)] IPersistentState<PropertyState> state,
    IAuditStore audit,
    TimeProvider clock) : Grain, IPropertyGrain
{
    public const int MaxMembers = 1000;
    public const int MaxDepartments = 200;

    private PropertyState Property => state.State;

    public Task<PropertyView> CreateAsync(string name, string? supportEmail) => CreateAsync(name, supportEmail, null);

    public async Task<PropertyView> CreateAsAdminAsync(Guid creatorId, string name, string? supportEmail)
    {
        if (Property.Exists)
        {
            return Property.Members.GetValueOrDefault(creatorId) == PropertyRole.Admin
                ? View()
                : throw DomainException.Conflict("A property with this id already exists.");
        }

        PropertyIds.Validate(this.GetPrimaryKeyString());

        // Refused input must not reach the agent: its membership would outlive the refusal, naming a property that
        // never comes to exist (found by the fuzzer: the agent's console then failed to connect).
        DisplayName.Clean(name, "A property");
        if (supportEmail is not null
            && await GrainFactory.GetGrain<ISupportAddressGrain>(EmailAddress.NormalizeKey(supportEmail)).GetPropertyAsync() is { } holder
            && holder != this.GetPrimaryKeyString())
        {
            throw DomainException.Conflict("Another property already uses this support email address.");
        }

        // The agent's side first, as in SetMemberAsync: a crash before the property's write leaves a membership of a
        // property that does not exist (it answers NotFound), and the creator's retry completes it.
        await GrainFactory.GetGrain<IAgentGrain>(creatorId).SetMembershipAsync(this.GetPrimaryKeyString(), PropertyRole.Admin);
        return await CreateAsync(name, supportEmail, creatorId);
    }

    private async Task<PropertyView> CreateAsync(string name, string? supportEmail, Guid? firstAdmin)
    {
        if (Property.Exists)
        {
            return View();
        }

        PropertyIds.Validate(this.GetPrimaryKeyString());
        Property.Name = DisplayName.Clean(name, "A property");
        Property.SupportEmail = supportEmail is null ? null : EmailAddress.NormalizeKey(supportEmail);

        // Mail to this address opens tickets here (TIC-1); an address belongs to one property.
        if (Property.SupportEmail is { } address
            && !await GrainFactory.GetGrain<ISupportAddressGrain>(address).ClaimAsync(this.GetPrimaryKeyString()))
        {
            throw DomainException.Conflict("Another property already uses this support email address.");
        }

        Property.WidgetKey = NewSecret(16);
        Property.VisitorSigningKey = NewSecret(32);
        Property.IdentitySecret = NewSecret(32);
        Property.CreatedAt = clock.GetUtcNow();
        Property.Exists = true;
        if (firstAdmin is { } admin)
        {
            Property.Members[admin] = PropertyRole.Admin;
        }

        await this.PersistAsync(state.WriteStateAsync);
        await AuditAsync(AuditActions.PropertyCreated, "property", this.GetPrimaryKeyString(), null, Property.Name);
        return View();
    }

    public Task<PropertyView> GetAsync()
    {
        EnsureExists();
        return Task.FromResult(View());
    }

    public Task<PropertySecrets> GetSecretsAsync()
    {
        EnsureExists();
        return Task.FromResult(new PropertySecrets(Property.VisitorSigningKey, Property.IdentitySecret));
    }

    public async Task<PropertySecrets> RotateIdentitySecretAsync()
    {
        EnsureExists();
        Property.IdentitySecret = NewSecret(32);
        await this.PersistAsync(state.WriteStateAsync);
        return new PropertySecrets(Property.VisitorSigningKey, Property.IdentitySecret);
    }

    public async Task<PropertyView> RenameAsync(string name)
    {
        EnsureExists();
        var before = Property.Name;
        Property.Name = DisplayName.Clean(name, "A property");
        await this.PersistAsync(state.WriteStateAsync);
        await AuditAsync(AuditActions.PropertyRenamed, "property", this.GetPrimaryKeyString(), before, Property.Name);
        return View();
    }

    /// <summary>
    /// The new address is claimed first and the old one released last: a crash in between leaves this property holding
    /// both for a while (mail to either still opens tickets here), and repeating the call completes the change.
    /// </summary>
    public async Task<PropertyView> SetSupportEmailAsync(string? supportEmail)
    {
        EnsureExists();
        var address = string.IsNullOrWhiteSpace(supportEmail) ? null : EmailAddress.NormalizeKey(supportEmail);
        var propertyId = this.GetPrimaryKeyString();
        if (address is not null && !await GrainFactory.GetGrain<ISupportAddressGrain>(address).ClaimAsync(propertyId))
        {
            throw DomainException.Conflict("Another property already uses this support email address.");
        }

        var previous = Property.SupportEmail;
        if (previous != address)
        {
            Property.SupportEmail = address;
            await this.PersistAsync(state.WriteStateAsync);
            await AuditAsync(AuditActions.PropertySupportEmailChanged, "property", propertyId, previous, address);
        }

        if (previous is not null && previous != address)
        {
            await GrainFactory.GetGrain<ISupportAddressGrain>(previous).ReleaseAsync(propertyId);
        }

        return View();
    }

    public async Task SetMemberAsync(Guid agentId, PropertyRole role)
    {
        EnsureExists();
        if (!Enum.IsDefined(role))
        {
            throw DomainException.Invalid("The role must be Agent or Admin.");
        }

        if (!Property.Members.ContainsKey(agentId) && Property.Members.Count >= MaxMembers)
        {
            throw new DomainException(DomainErrorCode.Conflict, $"A property can have at most {MaxMembers} agents.");
        }

        // The agent's side first: it is what authorization reads, and repeating this call repairs a half-done change.
        await GrainFactory.GetGrain<IAgentGrain>(agentId).SetMembershipAsync(this.GetPrimaryKeyString(), role);
        var before = Property.Members.TryGetValue(agentId, out var previous) ? previous.ToString().ToLowerInvariant() : null;
        Property.Members[agentId] = role;
        await this.PersistAsync(state.WriteStateAsync);
        await AuditAsync(AuditActions.AgentAdded, "agent", agentId.ToString(), before, role.ToString().ToLowerInvariant());
    }

    /// <summary>
    /// The agent's side first (what authorization reads; it tells every web node, which drop the agent's access in flight),
    /// then every department, then the member list: repeating this call completes a half-done removal (ADM-4).
    /// </summary>
    public async Task RemoveMemberAsync(Guid agentId)
    {
        EnsureExists();
        var propertyId = this.GetPrimaryKeyString();
        await GrainFactory.GetGrain<IAgentGrain>(agentId).RemoveMembershipAsync(propertyId);
        await Task.WhenAll(Property.Departments.ToList().Select(d => GrainFactory.GetGrain<IDepartmentGrain>(d).RemoveMemberAsync(propertyId, agentId)));
        var role = Property.Members.TryGetValue(agentId, out var removed) ? removed.ToString().ToLowerInvariant() : null;
        if (Property.Members.Remove(agentId) | Property.OnlineAgents.Remove(agentId))
        {
            await this.PersistAsync(state.WriteStateAsync);
            await AuditAsync(AuditActions.AgentRemoved, "agent", agentId.ToString(), role, null);
        }
    }

    private Task AuditAsync(string action, string targetKind, string targetId, string? before, string? after) =>
        audit.RecordAsync(clock, this.GetPrimaryKeyString(), action, targetKind, targetId, before, after);

    public Task<IReadOnlyList<PropertyMember>> GetMembersAsync()
    {
        EnsureExists();
        return Task.FromResult<IReadOnlyList<PropertyMember>>(
            Property.Members.Select(m => new PropertyMember(m.Key, m.Value)).ToList());
    }

    public Task<IReadOnlyList<Guid>> GetDepartmentsAsync()
    {
        EnsureExists();
        return Task.FromResult<IReadOnlyList<Guid>>([.. Property.Departments]);
    }

    public async Task ListDepartmentAsync(Guid departmentId, bool listed)
    {
        EnsureExists();
        if (listed && !Property.Departments.Contains(departmentId) && Property.Departments.Count >= MaxDepartments)
        {
            throw new DomainException(DomainErrorCode.Conflict, $"A property can have at most {MaxDepartments} departments.");
        }

        if (listed ? Property.Departments.Add(departmentId) : Property.Departments.Remove(departmentId))
        {
            await this.PersistAsync(state.WriteStateAsync);
        }
    }

    public async Task SetAgentOnlineAsync(Guid agentId, bool online)
    {
        EnsureExists();
        var changed = online && Property.Members.ContainsKey(agentId) ? Property.OnlineAgents.Add(agentId) : Property.OnlineAgents.Remove(agentId);
        if (changed)
        {
            await this.PersistAsync(state.WriteStateAsync);
        }
    }

    public Task<bool> HasAgentOnlineAsync() => Task.FromResult(Property.Exists && Property.OnlineAgents.Count > 0);

    public Task<IReadOnlyList<Guid>> GetOnlineAgentsAsync() =>
        Task.FromResult<IReadOnlyList<Guid>>(Property.Exists ? [.. Property.OnlineAgents] : []);

    private void EnsureExists()
    {
        if (!Property.Exists)
        {
            throw DomainException.NotFound("The property");
        }
    }

    private static string NewSecret(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    private PropertyView View() =>
        new(this.GetPrimaryKeyString(), Property.Name, Property.WidgetKey, Property.SupportEmail, Property.CreatedAt);
}
