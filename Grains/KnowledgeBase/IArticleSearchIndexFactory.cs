namespace Conversations.Grains.KnowledgeBase;

/// <summary>Makes an empty article search index for a search grain that activates.</summary>
public interface IArticleSearchIndexFactory
{
    IArticleSearchIndex Create();
}
