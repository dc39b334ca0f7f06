using Conversations.Grains.Interfaces.Search;
using Conversations.Web.Access;
using Conversations.Web.Inbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Search;

/// <summary>Full-text search over a property's conversations with the inbox filters (SRCH-1), and its index's rebuild.</summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        var search = endpoints.MapPropertyGroup("/search").WithTags("Search")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        search.MapGet("", SearchAsync).WithName("SearchConversations")
            .WithSummary("Ranked hits over messages (whispers included: agents only), subjects, visitor names and emails, and tags, with no time window. " +
                "q uses Lucene syntax (every word required; \"phrases\", OR, NOT, prefix*; a syntax error is 422). Filters as in the inbox: view, assignee, " +
                "minMessages, status, priority, tags, updatedFrom/updatedTo. A hit names the conversation and the message sequence (0: the conversation's " +
                "own fields); its snippet is escaped HTML with the matches in <mark>. offset 0-1000, limit 1-50 (20). A query stops ranking at 20,000 matches, or " +
                "once it has looked at 25,000 candidate messages with 1,050 matches ranked (the deepest page); total is then what it ranked and totalIsLowerBound is true.");
        search.MapGet("/index", ProgressAsync).WithName("GetSearchIndexProgress")
            .WithSummary("How far the property's search index is built: after a rebuild from the message table, or after it moved to another silo " +
                "(restored from its snapshot, then caught up with what changed since: messagesRestored, messagesReadFromSource, snapshotAt).");
        search.MapPost("/index/rebuild", RebuildAsync).WithName("RebuildSearchIndex").AdminOnly()
            .WithSummary("Starts rebuilding the property's search index from the inbox and the message table (admin); follow it with GET /search/index.");
        return endpoints;
    }

    private static async Task<Ok<ConversationSearchPage>> SearchAsync(
        string propertyId, IClusterClient cluster, string? q = null, string? view = null, string? assignee = null, long? minMessages = null,
        string? status = null, string? tags = null, DateTimeOffset? updatedFrom = null, DateTimeOffset? updatedTo = null, string? priority = null,
        int offset = 0, int limit = 20)
    {
        var filters = InboxFilterParsing.Filters(view, assignee, minMessages, status, tags, updatedFrom, updatedTo, priority);
        var query = new ConversationSearchQuery(q ?? "", filters, IncludeWhispers: true, offset, limit);
        return TypedResults.Ok(await cluster.GetGrain<IConversationSearchGrain>(propertyId).SearchAsync(query));
    }

    private static async Task<Ok<SearchIndexProgress>> ProgressAsync(string propertyId, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IConversationSearchGrain>(propertyId).GetProgressAsync());

    private static async Task<Accepted<SearchIndexProgress>> RebuildAsync(string propertyId, IClusterClient cluster) =>
        TypedResults.Accepted($"{PropertyRoutes.Prefix.Replace("{propertyId}", propertyId)}/search/index",
            await cluster.GetGrain<IConversationSearchGrain>(propertyId).RebuildAsync());
}
