using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Visitors;

namespace Conversations.Grains.Visitors;

public sealed class OrganizationDirectoryGrain(
    [PersistentState("organizations", ConversationsNames.GrainStorage)] IPersistentState<OrganizationDirectoryState> state)
    : Grain, IOrganizationDirectoryGrain
{
    public const int MaxOrganizations = 1000;

    private List<OrganizationSummary> Organizations => state.State.Organizations;

    public Task<IReadOnlyList<OrganizationSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<OrganizationSummary>>(Organizations.OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToList());

    public async Task PutAsync(OrganizationSummary summary)
    {
        var index = Organizations.FindIndex(o => o.OrganizationId == summary.OrganizationId);
        if (index >= 0)
        {
            Organizations[index] = summary;
        }
        else if (Organizations.Count >= MaxOrganizations)
        {
            throw DomainException.Invalid($"A property can have at most {MaxOrganizations} organizations.");
        }
        else
        {
            Organizations.Add(summary);
        }

        await this.PersistAsync(state.WriteStateAsync);
    }

    public async Task RemoveAsync(string organizationId)
    {
        if (Organizations.RemoveAll(o => o.OrganizationId == organizationId) > 0)
        {
            await this.PersistAsync(state.WriteStateAsync);
        }
    }
}
