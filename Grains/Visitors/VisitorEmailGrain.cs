using Conversations.Grains.Common;
using Conversations.Grains.Conversations;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Visitors;

namespace Conversations.Grains.Visitors;

public sealed class VisitorEmailGrain(
    [PersistentState("visitorEmail", ConversationsNames.GrainStorage)] IPersistentState<VisitorEmailState> state) : Grain, IVisitorEmailGrain
{
    public async Task<string> ClaimAsync(string visitorId)
    {
        if (state.State.VisitorId is { } holder)
        {
            return holder;
        }

        state.State.VisitorId = TextRules.Id(visitorId, "A visitor id");
        await this.PersistAsync(state.WriteStateAsync);
        return visitorId;
    }

    public async Task ReleaseAsync(string visitorId)
    {
        if (state.State.VisitorId == visitorId)
        {
            state.State.VisitorId = null;
            await this.PersistAsync(state.WriteStateAsync);
        }
    }

    public Task<string?> GetVisitorAsync() => Task.FromResult(state.State.VisitorId);
}
