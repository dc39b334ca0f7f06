using Conversations.Grains.Interfaces.KnowledgeBase;

namespace Conversations.Grains.KnowledgeBase;

[GenerateSerializer, Alias("Conversations.KnowledgeBasesState")]
public sealed class KnowledgeBasesState
{
    [Id(0)] public List<KnowledgeBaseSummary> KnowledgeBases { get; set; } = [];
}
