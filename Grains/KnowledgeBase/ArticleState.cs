using Conversations.Grains.Interfaces.KnowledgeBase;

namespace Conversations.Grains.KnowledgeBase;

[GenerateSerializer, Alias("Conversations.ArticleState")]
public sealed class ArticleState
{
    [Id(0)] public string PropertyId { get; set; } = "";
    [Id(1)] public Guid KnowledgeBaseId { get; set; }
    [Id(2)] public Guid? CategoryId { get; set; }
    [Id(3)] public string Title { get; set; } = "";
    [Id(4)] public string Slug { get; set; } = "";
    [Id(5)] public string Body { get; set; } = "";
    [Id(6)] public ArticleStatus Status { get; set; }
    [Id(7)] public DateTimeOffset CreatedAt { get; set; }
    [Id(8)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(9)] public long Version { get; set; }
}
