namespace Conversations.Grains.Search;

/// <summary>Makes an empty conversation search index for a search grain that activates.</summary>
public interface IConversationSearchIndexFactory
{
    IConversationSearchIndex Create(string propertyId);
}
