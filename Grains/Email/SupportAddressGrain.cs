using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Email;

namespace Conversations.Grains.Email;

public sealed class SupportAddressGrain(
    [PersistentState("supportAddress", ConversationsNames.GrainStorage)] IPersistentState<SupportAddressState> state) : Grain, ISupportAddressGrain
{
    public async Task<bool> ClaimAsync(string propertyId)
    {
        if (state.State.PropertyId is { } holder)
        {
            return holder == propertyId;
        }

        state.State.PropertyId = propertyId;
        await this.PersistAsync(state.WriteStateAsync);
        return true;
    }

    public async Task ReleaseAsync(string propertyId)
    {
        if (state.State.PropertyId == propertyId)
        {
            state.State.PropertyId = null;
            await this.PersistAsync(state.WriteStateAsync);
        }
    }

    public Task<string?> GetPropertyAsync() => Task.FromResult(state.State.PropertyId);
}
