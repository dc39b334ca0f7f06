namespace Conversations.Grains.Interfaces.KnowledgeBase;

/// <summary>Grain keys of the knowledge module; a knowledge base key carries its property.</summary>
public static class KnowledgeKeys
{
    public static string KnowledgeBase(string propertyId, Guid knowledgeBaseId) => $"{propertyId}/{knowledgeBaseId:N}";

    public static (string PropertyId, Guid KnowledgeBaseId) ParseKnowledgeBase(string key)
    {
        var slash = key.LastIndexOf('/');
        return (key[..slash], Guid.ParseExact(key[(slash + 1)..], "N"));
    }
}
