using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Web.Access;
using Conversations.Web.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Inbox;

/// <summary>The inbox list (INB-2..4) and its bulk actions (INB-5), answered by the in-memory read model.</summary>
public static class InboxApi
{
    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder endpoints)
    {
        var inbox = endpoints.MapPropertyGroup("/inbox").WithTags("Inbox");
        inbox.MapGet("", QueryAsync).WithName("QueryInbox")
            .WithSummary("One page of a view (all, chats, tickets, trash, spam) with filters combined by AND: assignee, minMessages, " +
                "status (any of open,pending,closed), priority (tickets of any of lowest,low,medium,high,highest), tags (any of), updatedFrom/updatedTo; sort updated|priority; 'cursor' from the previous page; limit 1-200 (50).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        inbox.MapPost("/bulk", BulkAsync).WithName("BulkInboxAction")
            .WithSummary("Applies close, trash, restore, purge or spam to up to 200 conversations; each item reports success or why it was refused (INB-5).")
            .ProducesRefusals();
        return endpoints;
    }

    private static async Task<Ok<InboxPageResponse>> QueryAsync(
        string propertyId, IClusterClient cluster, string? view = null, string? assignee = null, long? minMessages = null, string? status = null,
        string? tags = null, DateTimeOffset? updatedFrom = null, DateTimeOffset? updatedTo = null, string? sort = null, string? cursor = null, int limit = 50,
        string? priority = null)
    {
        var query = InboxFilterParsing.Filters(view, assignee, minMessages, status, tags, updatedFrom, updatedTo, priority) with
        {
            Sort = InboxFilterParsing.Parse(sort, InboxSort.Updated, "sort"),
            After = InboxCursor.Decode(cursor),
            Limit = limit,
        };
        return TypedResults.Ok(InboxPageResponse.From(await cluster.GetGrain<IInboxGrain>(propertyId).QueryAsync(query)));
    }

    private static async Task<Ok<IReadOnlyList<BulkItemResult>>> BulkAsync(string propertyId, BulkRequest request, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IInboxGrain>(propertyId).BulkAsync(request.Action, request.Ids ?? []));
}
