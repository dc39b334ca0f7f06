using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Visitors;

namespace Conversations.Grains.Visitors;

public sealed class OrganizationGrain(
    [PersistentState("organization", ConversationsNames.GrainStorage)] IPersistentState<OrganizationState> state,
    TimeProvider clock) : Grain, IOrganizationGrain
{
    public const int MaxContacts = 500;
    public const int MaxNotesLength = 2000;

    private OrganizationState Organization => state.State;

    private bool Exists => Organization.CreatedAt != default;

    private (string PropertyId, string OrganizationId) Key => VisitorKey.Parse(this.GetPrimaryKeyString());

    public async Task<OrganizationView> CreateAsync(OrganizationDraft draft)
    {
        if (Exists)
        {
            throw new DomainException(DomainErrorCode.Conflict, "The organization already exists.");
        }

        var now = clock.GetUtcNow();
        Apply(draft, requireName: true);
        Organization.CreatedAt = now;
        Organization.UpdatedAt = now;
        await SaveAsync();
        return View();
    }

    public async Task<OrganizationView> UpdateAsync(OrganizationDraft draft)
    {
        EnsureExists();
        Apply(draft, requireName: false);
        Organization.UpdatedAt = clock.GetUtcNow();
        await SaveAsync();
        return View();
    }

    public Task<OrganizationView> GetAsync()
    {
        EnsureExists();
        return Task.FromResult(View());
    }

    public async Task DeleteAsync()
    {
        EnsureExists();
        var (propertyId, organizationId) = Key;
        foreach (var visitorId in Organization.Contacts)
        {
            await GrainFactory.GetGrain<IVisitorGrain>(VisitorKey.For(propertyId, visitorId)).ForgetOrganizationAsync(organizationId);
        }

        await this.PersistAsync(state.ClearStateAsync);
        state.State = new OrganizationState();
        await Directory().RemoveAsync(Key.OrganizationId);
    }

    public async Task SetContactAsync(string visitorId, bool linked)
    {
        if (!linked)
        {
            if (Exists && Organization.Contacts.Remove(visitorId))
            {
                await this.PersistAsync(state.WriteStateAsync);
            }

            return;
        }

        EnsureExists();
        if (Organization.Contacts.Contains(visitorId))
        {
            return;
        }

        if (Organization.Contacts.Count >= MaxContacts)
        {
            throw DomainException.Invalid($"An organization can list at most {MaxContacts} contacts.");
        }

        Organization.Contacts.Add(visitorId);
        await this.PersistAsync(state.WriteStateAsync);
    }

    private void Apply(OrganizationDraft draft, bool requireName)
    {
        var name = requireName || draft.Name is not null ? DisplayName.Clean(draft.Name, "An organization") : Organization.Name;
        var domain = ProfileText.Optional(draft.Domain, "A domain", 253)?.ToLowerInvariant();
        if (!string.IsNullOrEmpty(domain) && Uri.CheckHostName(domain) != UriHostNameType.Dns)
        {
            throw DomainException.Invalid("A domain is a host name such as example.com.");
        }

        var notes = draft.Notes is null ? Organization.Notes : draft.Notes.Trim();
        if (notes is { Length: > MaxNotesLength })
        {
            throw DomainException.Invalid($"Notes can be at most {MaxNotesLength} characters long.");
        }

        Organization.Name = name;
        Organization.Domain = domain is null ? Organization.Domain : domain.Length == 0 ? null : domain;
        Organization.Notes = string.IsNullOrEmpty(notes) ? null : notes;
    }

    private async Task SaveAsync()
    {
        await this.PersistAsync(state.WriteStateAsync);
        await Directory().PutAsync(new OrganizationSummary(Key.OrganizationId, Organization.Name, Organization.Domain));
    }

    private IOrganizationDirectoryGrain Directory() => GrainFactory.GetGrain<IOrganizationDirectoryGrain>(Key.PropertyId);

    private void EnsureExists()
    {
        if (!Exists)
        {
            throw DomainException.NotFound("The organization");
        }
    }

    private OrganizationView View() => new(
        Key.PropertyId, Key.OrganizationId, Organization.Name, Organization.Domain, Organization.Notes,
        [.. Organization.Contacts], Organization.CreatedAt, Organization.UpdatedAt);
}
