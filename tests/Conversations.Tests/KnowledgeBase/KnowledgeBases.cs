using Conversations.Grains.Interfaces.KnowledgeBase;

namespace Conversations.Tests.KnowledgeBase;

internal static class KnowledgeBases
{
    public static async Task<(KnowledgeBaseSummary Summary, IKnowledgeBaseGrain Grain)> CreateAsync(
        this IClusterClient client, string propertyId, string name)
    {
        var summary = await client.GetGrain<IKnowledgeBasesGrain>(propertyId).CreateAsync(name);
        return (summary, client.GetGrain<IKnowledgeBaseGrain>(KnowledgeKeys.KnowledgeBase(propertyId, summary.Id)));
    }

    public static ArticleInput Published(string title, string slug, string? body = null) =>
        new(title, slug, body ?? $"About {title}.", ArticleStatus.Published, null);
}
