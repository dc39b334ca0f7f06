namespace Conversations.Grains.Interfaces.Visitors;

/// <summary>An organization of a property, keyed by <see cref="VisitorKey.For"/> with its id.</summary>
[Alias("Conversations.IOrganizationGrain")]
public interface IOrganizationGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<OrganizationView> CreateAsync(OrganizationDraft draft);

    [Alias("Update")]
    Task<OrganizationView> UpdateAsync(OrganizationDraft draft);

    [Alias("Get")]
    Task<OrganizationView> GetAsync();

    [Alias("Delete")]
    Task DeleteAsync();

    /// <summary>Called by a visitor grain when the visitor links or unlinks this organization.</summary>
    [Alias("SetContact")]
    Task SetContactAsync(string visitorId, bool linked);
}
