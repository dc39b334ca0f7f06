namespace Conversations.Grains.Interfaces.Visitors;

/// <summary>The organizations of one property (keyed by the property id), kept current by the organization grains.</summary>
[Alias("Conversations.IOrganizationDirectoryGrain")]
public interface IOrganizationDirectoryGrain : IGrainWithStringKey
{
    [Alias("List")]
    Task<IReadOnlyList<OrganizationSummary>> ListAsync();

    /// <summary>Adds or renames an entry; refuses a new one when the directory is full.</summary>
    [Alias("Put")]
    Task PutAsync(OrganizationSummary summary);

    [Alias("Remove")]
    Task RemoveAsync(string organizationId);
}
