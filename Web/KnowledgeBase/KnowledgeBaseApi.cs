using Conversations.Grains.Interfaces.KnowledgeBase;
using Conversations.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.KnowledgeBase;

/// <summary>
/// Knowledge bases, categories and article writes (KB-1). Every write here is meant for admins;
/// access control is added with the sign-in work.
/// </summary>
public static class KnowledgeBaseApi
{
    public static IEndpointRouteBuilder MapKnowledgeBaseApi(this IEndpointRouteBuilder endpoints)
    {
        var bases = endpoints.MapPropertyGroup("/knowledge-bases")
            .WithTags("Knowledge base")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        bases.MapGet("", ListAsync).WithName("ListKnowledgeBases").WithSummary("The property's knowledge bases.");
        bases.MapPost("", CreateAsync).WithName("CreateKnowledgeBase").AdminOnly().WithSummary("Creates a knowledge base (admin).");
        bases.MapGet("/{knowledgeBaseId:guid}", GetAsync).WithName("GetKnowledgeBase")
            .WithSummary("Name, categories and article catalogue; drafts only with includeDrafts=true.");
        bases.MapPut("/{knowledgeBaseId:guid}", RenameAsync).WithName("RenameKnowledgeBase").AdminOnly().WithSummary("Renames a knowledge base (admin).");
        bases.MapPost("/{knowledgeBaseId:guid}/categories", AddCategoryAsync).WithName("AddKnowledgeCategory").AdminOnly()
            .WithSummary("Adds a category (admin).");
        bases.MapPut("/{knowledgeBaseId:guid}/categories/{categoryId:guid}", RenameCategoryAsync).WithName("RenameKnowledgeCategory").AdminOnly()
            .WithSummary("Renames a category (admin).");
        bases.MapDelete("/{knowledgeBaseId:guid}/categories/{categoryId:guid}", RemoveCategoryAsync).WithName("RemoveKnowledgeCategory").AdminOnly()
            .WithSummary("Removes an empty category (admin).");
        bases.MapPost("/{knowledgeBaseId:guid}/articles", CreateArticleAsync).WithName("CreateArticle").AdminOnly()
            .WithSummary("Creates an article: title, slug unique in the knowledge base, Markdown body, status, category (admin).");
        bases.MapPut("/{knowledgeBaseId:guid}/articles/{articleId:guid}", UpdateArticleAsync).WithName("UpdateArticle").AdminOnly()
            .WithSummary("Replaces an article's title, slug, body, status and category (admin).");
        bases.MapDelete("/{knowledgeBaseId:guid}/articles/{articleId:guid}", DeleteArticleAsync).WithName("DeleteArticle").AdminOnly()
            .WithSummary("Deletes an article and removes it from search (admin).");

        endpoints.MapArticleApi();
        endpoints.MapPublicArticlePage();
        endpoints.MapShortcutApi();
        return endpoints;
    }

    private static IKnowledgeBaseGrain KnowledgeBase(IClusterClient cluster, string propertyId, Guid knowledgeBaseId) =>
        cluster.GetGrain<IKnowledgeBaseGrain>(KnowledgeKeys.KnowledgeBase(propertyId, knowledgeBaseId));

    private static async Task<Ok<IReadOnlyList<KnowledgeBaseSummary>>> ListAsync(string propertyId, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IKnowledgeBasesGrain>(propertyId).ListAsync());

    private static async Task<Created<KnowledgeBaseSummary>> CreateAsync(string propertyId, NameRequest request, IClusterClient cluster)
    {
        var created = await cluster.GetGrain<IKnowledgeBasesGrain>(propertyId).CreateAsync(request.Name);
        return TypedResults.Created($"/api/v1/properties/{propertyId}/knowledge-bases/{created.Id}", created);
    }

    private static async Task<Ok<KnowledgeBaseView>> GetAsync(
        string propertyId, Guid knowledgeBaseId, IClusterClient cluster, bool includeDrafts = false) =>
        TypedResults.Ok(await KnowledgeBase(cluster, propertyId, knowledgeBaseId).GetAsync(includeDrafts));

    private static async Task<Ok<KnowledgeBaseSummary>> RenameAsync(
        string propertyId, Guid knowledgeBaseId, NameRequest request, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IKnowledgeBasesGrain>(propertyId).RenameAsync(knowledgeBaseId, request.Name));

    private static async Task<Ok<KnowledgeCategory>> RenameCategoryAsync(
        string propertyId, Guid knowledgeBaseId, Guid categoryId, NameRequest request, IClusterClient cluster) =>
        TypedResults.Ok(await KnowledgeBase(cluster, propertyId, knowledgeBaseId).RenameCategoryAsync(categoryId, request.Name));

    private static async Task<Created<KnowledgeCategory>> AddCategoryAsync(
        string propertyId, Guid knowledgeBaseId, NameRequest request, IClusterClient cluster)
    {
        var category = await KnowledgeBase(cluster, propertyId, knowledgeBaseId).AddCategoryAsync(request.Name);
        return TypedResults.Created($"/api/v1/properties/{propertyId}/knowledge-bases/{knowledgeBaseId}", category);
    }

    private static async Task<NoContent> RemoveCategoryAsync(string propertyId, Guid knowledgeBaseId, Guid categoryId, IClusterClient cluster)
    {
        await KnowledgeBase(cluster, propertyId, knowledgeBaseId).RemoveCategoryAsync(categoryId);
        return TypedResults.NoContent();
    }

    private static async Task<Created<ArticleView>> CreateArticleAsync(
        string propertyId, Guid knowledgeBaseId, ArticleInput input, IClusterClient cluster)
    {
        var article = await KnowledgeBase(cluster, propertyId, knowledgeBaseId).CreateArticleAsync(input);
        return TypedResults.Created($"/api/v1/properties/{propertyId}/articles/{article.Id}", article);
    }

    private static async Task<Ok<ArticleView>> UpdateArticleAsync(
        string propertyId, Guid knowledgeBaseId, Guid articleId, ArticleInput input, IClusterClient cluster) =>
        TypedResults.Ok(await KnowledgeBase(cluster, propertyId, knowledgeBaseId).UpdateArticleAsync(articleId, input));

    private static async Task<NoContent> DeleteArticleAsync(string propertyId, Guid knowledgeBaseId, Guid articleId, IClusterClient cluster)
    {
        await KnowledgeBase(cluster, propertyId, knowledgeBaseId).DeleteArticleAsync(articleId);
        return TypedResults.NoContent();
    }
}
