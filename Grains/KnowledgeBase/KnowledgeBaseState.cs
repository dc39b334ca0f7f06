using Conversations.Grains.Interfaces.KnowledgeBase;

namespace Conversations.Grains.KnowledgeBase;

/// <summary>The catalogue of one knowledge base; bodies live in the article grains.</summary>
[GenerateSerializer, Alias("Conversations.KnowledgeBaseState")]
public sealed class KnowledgeBaseState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public List<KnowledgeCategory> Categories { get; set; } = [];
    [Id(2)] public List<ArticleSummary> Articles { get; set; } = [];
    [Id(3)] public long Version { get; set; }
}
