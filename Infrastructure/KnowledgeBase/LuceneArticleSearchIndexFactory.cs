using Conversations.Grains.KnowledgeBase;

namespace Conversations.Infrastructure.KnowledgeBase;

public sealed class LuceneArticleSearchIndexFactory : IArticleSearchIndexFactory
{
    public IArticleSearchIndex Create() => new LuceneArticleSearchIndex();
}
