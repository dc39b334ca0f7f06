using System.Net;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.KnowledgeBase;

namespace Conversations.Web.KnowledgeBase;

/// <summary>
/// A published article as a page anyone may read (KB-2: an agent inserts its link into a reply). Drafts and other
/// properties' articles answer 404. The body is the article's HTML, already reduced to safe Markdown output when stored.
/// </summary>
public static class PublicArticlePage
{
    public const string Pattern = "/help/{propertyId}/articles/{articleId:guid}";

    public static IEndpointRouteBuilder MapPublicArticlePage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Pattern, ShowAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ShowAsync(string propertyId, Guid articleId, HttpContext http, IClusterClient cluster)
    {
        ArticleView article;
        try
        {
            article = await cluster.GetGrain<IArticleGrain>(articleId).GetAsync(propertyId);
        }
        catch (DomainException ex) when (ex.Code == DomainErrorCode.NotFound)
        {
            return Results.NotFound();
        }

        if (article.Status != ArticleStatus.Published)
        {
            return Results.NotFound();
        }

        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; form-action 'none'";
        var title = WebUtility.HtmlEncode(article.Title);
        return Results.Content(
            $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}}</title>
            <style>body{font:16px/1.6 system-ui,sans-serif;color:#1d2330;max-width:44rem;margin:2rem auto;padding:0 1rem}h1{font-size:1.75rem}</style>
            </head><body><main><h1 dir="auto">{{title}}</h1><article dir="auto">{{article.Html}}</article></main></body></html>
            """,
            "text/html; charset=utf-8");
    }
}
