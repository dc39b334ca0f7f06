using Conversations.Grains.Common;
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
        var cleaned = KnowledgeText.NewName(name, state.State.KnowledgeBases.ConvertAll(k => k.Name),
            KnowledgeLimits.MaxKnowledgeBasesPerProperty, "knowledge base", "knowledge bases", "property");

        // The knowledge base grain is initialised before it is listed, so a listed id always resolves.
        var summary = new KnowledgeBaseSummary(Guid.NewGuid(), cleaned, clock.GetUtcNow());
        await GrainFactory.GetGrain<IKnowledgeBaseGrain>(KnowledgeKeys.KnowledgeBase(PropertyId, summary.Id)).InitializeAsync(cleaned);
        state.State.KnowledgeBases.Add(summary);
        await this.PersistAsync(state.WriteStateAsync);
        return summary;
    }

    public async Task<KnowledgeBaseSummary> RenameAsync(Guid knowledgeBaseId, string name)
    {
        var index = state.State.KnowledgeBases.FindIndex(k => k.Id == knowledgeBaseId);
        if (index < 0)
        {
            throw DomainException.NotFound("The knowledge base");
        }

        var others = state.State.KnowledgeBases.Where(k => k.Id != knowledgeBaseId).Select(k => k.Name).ToList();
        var cleaned = KnowledgeText.NewName(name, others, int.MaxValue, "knowledge base", "knowledge bases", "property");
        await GrainFactory.GetGrain<IKnowledgeBaseGrain>(KnowledgeKeys.KnowledgeBase(PropertyId, knowledgeBaseId)).RenameAsync(cleaned);
        state.State.KnowledgeBases[index] = state.State.KnowledgeBases[index] with { Name = cleaned };
        await this.PersistAsync(state.WriteStateAsync);
        return state.State.KnowledgeBases[index];
    }

    public Task<IReadOnlyList<KnowledgeBaseSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<KnowledgeBaseSummary>>(state.State.KnowledgeBases.ToList());
}
