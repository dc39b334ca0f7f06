using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Agents;

public sealed class ApiTokenGrain(
    [PersistentState("apitoken", ConversationsNames.GrainStorage)] IPersistentState<ApiTokenState> state) : Grain, IApiTokenGrain
{
    public async Task RegisterAsync(Guid agentId, Guid tokenId)
    {
        if (state.State.AgentId is not null)
        {
            throw new DomainException(DomainErrorCode.Conflict, "This token is already registered.");
        }

        state.State.AgentId = agentId;
        state.State.TokenId = tokenId;
        await this.PersistAsync(state.WriteStateAsync);
    }

    public Task<Guid?> ResolveAsync() => Task.FromResult(state.State.AgentId);

    public async Task RevokeAsync()
    {
        await this.PersistAsync(state.ClearStateAsync);
        DeactivateOnIdle();
    }
}
