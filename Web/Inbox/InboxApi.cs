using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Sla;
using Conversations.Grains.Interfaces.Tickets;
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
                "status (any of open,pending,closed), priority (tickets of any of lowest,low,medium,high,highest), tags (any of), updatedFrom/updatedTo; sort updated|priority; 'cursor' from the previous page; limit 1-200 (50). " +
                "Rows carry their SLA due time (dueAt) when SLA policies are on; sla=breachingSoon|breached lists only those, soonest due first, in one page (SLA-1; the other filters do not apply to it).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        inbox.MapPost("/bulk", BulkAsync).WithName("BulkInboxAction")
            .WithSummary("Applies close, trash, restore, purge or spam to up to 200 conversations; each item reports success or why it was refused (INB-5).")
            .ProducesRefusals();
        return endpoints;
    }

    private static async Task<Ok<InboxPageResponse>> QueryAsync(
        string propertyId, IClusterClient cluster, string? view = null, string? assignee = null, long? minMessages = null, string? status = null,
        string? tags = null, DateTimeOffset? updatedFrom = null, DateTimeOffset? updatedTo = null, string? sort = null, string? cursor = null, int limit = 50,
        string? priority = null, string? sla = null)
    {
        if (!string.IsNullOrWhiteSpace(sla))
        {
            return TypedResults.Ok(await SlaPageAsync(cluster, propertyId, Parse(sla, SlaFilter.All, "sla"), limit));
        }

        var query = new InboxQuery(
            Parse(view, InboxView.All, "view"),
            string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim(),
            minMessages,
            List(status)?.Select(s => Parse<InboxStatus>(s, default, "status")).ToArray(),
            List(tags)?.Select(t => t.ToLowerInvariant()).ToArray(),
            updatedFrom,
            updatedTo,
            Parse(sort, InboxSort.Updated, "sort"),
            InboxCursor.Decode(cursor),
            limit,
            List(priority)?.Select(p => Parse<TicketPriority>(p, default, "priority")).ToArray());
        var page = await cluster.GetGrain<IInboxGrain>(propertyId).QueryAsync(query);
        return TypedResults.Ok(new InboxPageResponse(await WithDueTimesAsync(cluster, propertyId, page.Rows), page.Total, page.Next?.Encode()));
    }

    /// <summary>SLA-1: the page's rows with their due times, from the SLA follower (one call per page; none when the page is empty).</summary>
    private static async Task<IReadOnlyList<InboxRow>> WithDueTimesAsync(IClusterClient cluster, string propertyId, IReadOnlyList<InboxRow> rows)
    {
        if (rows.Count == 0)
        {
            return rows;
        }

        var dues = (await cluster.GetGrain<ISlaGrain>(propertyId).GetManyAsync(rows.Select(r => r.Id).ToList())).ToDictionary(s => s.ConversationId, s => s.DueAt);
        return dues.Count == 0 ? rows : rows.Select(r => dues.TryGetValue(r.Id, out var due) ? r with { DueAt = due } : r).ToList();
    }

    /// <summary>
    /// SLA-1 "breaching soon" and "breached": the SLA follower knows which conversations are, soonest due first; each row comes from its
    /// conversation (the inbox row it stores now), so the page is as current as the conversations themselves.
    /// </summary>
    private static async Task<InboxPageResponse> SlaPageAsync(IClusterClient cluster, string propertyId, SlaFilter filter, int limit)
    {
        if (limit is < 1 or > InboxQuery.MaxLimit)
        {
            throw DomainException.Invalid($"The limit must be between 1 and {InboxQuery.MaxLimit}.");
        }

        var statuses = await cluster.GetGrain<ISlaGrain>(propertyId).ListAsync(filter, limit);
        var rows = await Task.WhenAll(statuses.Select(async s => (s.DueAt, Row: s.Kind == ConversationKind.Chat
            ? await cluster.GetGrain<IChatGrain>(s.ConversationId).GetInboxRowAsync()
            : await cluster.GetGrain<ITicketGrain>(s.ConversationId).GetInboxRowAsync())));
        var listed = rows.Where(r => r.Row is { Place: BinState.Inbox } row && row.PropertyId == propertyId).Select(r => r.Row! with { DueAt = r.DueAt }).ToList();
        return new InboxPageResponse(listed, listed.Count, null);
    }

    private static async Task<Ok<IReadOnlyList<BulkItemResult>>> BulkAsync(string propertyId, BulkRequest request, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IInboxGrain>(propertyId).BulkAsync(request.Action, request.Ids ?? []));

    private static string[]? List(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static T Parse<T>(string? text, T fallback, string name)
        where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? fallback
        : Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value
        : throw DomainException.Invalid($"Unknown {name} '{text}': use one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
}
