using Conversations.Grains.Interfaces.KnowledgeBase;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.KnowledgeBase;

/// <summary>Restarts the silo, so it runs on a cluster of its own.</summary>
public sealed class KnowledgeSearchRestartTests : IAsyncLifetime
{
    private ConversationsCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ConversationsCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact, Trait("Spec", "KB-2")]
    public async Task KB2_a_new_silo_rebuilds_the_in_memory_index_from_stored_articles()
    {
        var property = "p-" + Guid.NewGuid().ToString("N")[..8];
        var (summary, knowledgeBase) = await _cluster.Client.CreateAsync(property, "Help");
        var published = await knowledgeBase.CreateArticleAsync(KnowledgeBases.Published("Two factor login", "two-factor", "Use an authenticator app."));
        await knowledgeBase.CreateArticleAsync(KnowledgeBases.Published("Two factor recovery", "recovery") with { Status = ArticleStatus.Draft });

        await _cluster.RestartSiloAsync(0);

        var search = _cluster.Client.GetGrain<IKnowledgeSearchGrain>(property);
        Assert.Equal([published.Id], (await search.SearchAsync(new ArticleSearchQuery("authenticator"))).Select(h => h.ArticleId));
        Assert.Equal(2, (await search.SearchAsync(new ArticleSearchQuery("two factor", summary.Id, IncludeDrafts: true))).Count);
    }
}
