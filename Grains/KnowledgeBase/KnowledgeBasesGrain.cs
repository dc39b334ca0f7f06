using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.KnowledgeBase;

namespace Conversations.Grains.KnowledgeBase;

public sealed class KnowledgeBasesGrain(
    [PersistentState("knowledgeBases", ConversationsNames.GrainStorage)] IPersistentState<KnowledgeBasesState> state,
    TimeProvider clock) : Grain, IKnowledgeBasesGrain
{
    private string PropertyId => this.GetPrimaryKeyString();

    public async Task<KnowledgeBaseSummary> CreateAsync(string name)
    {
        var cleaned = KnowledgeText.Line(name, KnowledgeLimits.MaxNameLength, "A knowledge base name");
        if (state.State.KnowledgeBases.Count >= KnowledgeLimits.MaxKnowledgeBasesPerProperty)
        {
            throw KnowledgeText.Conflict($"A property can have at most {KnowledgeLimits.MaxKnowledgeBasesPerProperty} knowledge bases.");
        }

        if (state.State.KnowledgeBases.Exists(k => string.Equals(k.Name, cleaned, StringComparison.OrdinalIgnoreCase)))
        {
            throw KnowledgeText.Conflict($"A knowledge base named '{cleaned}' already exists.");
        }

        // The knowledge base grain is initialised before it is listed, so a listed id always resolves.
        var summary = new KnowledgeBaseSummary(Guid.NewGuid(), cleaned, clock.GetUtcNow());
        await GrainFactory.GetGrain<IKnowledgeBaseGrain>(KnowledgeKeys.KnowledgeBase(PropertyId, summary.Id)).InitializeAsync(cleaned);
        state.State.KnowledgeBases.Add(summary);
        await state.WriteStateAsync();
        return summary;
    }

    public Task<IReadOnlyList<KnowledgeBaseSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<KnowledgeBaseSummary>>(state.State.KnowledgeBases.ToList());
}
