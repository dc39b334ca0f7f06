using Conversations.Grains.Interfaces.KnowledgeBase;
using Conversations.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.KnowledgeBase;

/// <summary>Reading and searching articles while answering (KB-2).</summary>
public static class ArticleApi
{
    public static IEndpointRouteBuilder MapArticleApi(this IEndpointRouteBuilder endpoints)
    {
        var articles = endpoints.MapPropertyGroup("/articles")
            .WithTags("Knowledge base")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        articles.MapGet("/search", SearchAsync).WithName("SearchArticles")
            .WithSummary("Ranked full-text search (exact title first) with a highlighted snippet; filters: knowledgeBaseId, " +
                         "categoryId; drafts only with includeDrafts=true (never for visitors); limit 1-50, default 10.");
        articles.MapPost("/search/rebuild", RebuildAsync).WithName("RebuildArticleSearch").AdminOnly()
            .WithSummary("Rebuilds the property's search index from stored articles (admin).");
        articles.MapGet("/{articleId:guid}", GetAsync).WithName("GetArticle")
            .WithSummary("An article with its Markdown body and the body rendered to safe HTML.");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<ArticleSearchHit>>> SearchAsync(
        string propertyId, IClusterClient cluster, string? q, Guid? knowledgeBaseId, Guid? categoryId,
        bool includeDrafts = false, int limit = 10) =>
        TypedResults.Ok(await cluster.GetGrain<IKnowledgeSearchGrain>(propertyId).SearchAsync(
            new ArticleSearchQuery(q ?? "", knowledgeBaseId, categoryId, includeDrafts, limit)));

    private static async Task<Ok<IndexRebuilt>> RebuildAsync(string propertyId, IClusterClient cluster) =>
        TypedResults.Ok(new IndexRebuilt(await cluster.GetGrain<IKnowledgeSearchGrain>(propertyId).RebuildAsync()));

    private static async Task<Ok<ArticleView>> GetAsync(string propertyId, Guid articleId, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IArticleGrain>(articleId).GetAsync(propertyId));
}
