namespace Conversations.Grains.Interfaces.KnowledgeBase;

/// <summary>The list of a property's knowledge bases, keyed by property id.</summary>
[Alias("Conversations.IKnowledgeBasesGrain")]
public interface IKnowledgeBasesGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<KnowledgeBaseSummary> CreateAsync(string name);

    [Alias("Rename")]
    Task<KnowledgeBaseSummary> RenameAsync(Guid knowledgeBaseId, string name);

    [Alias("List")]
    Task<IReadOnlyList<KnowledgeBaseSummary>> ListAsync();
}
