using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Web.Inbox;

/// <summary>The inbox filters (INB-4) from query parameters, shared by the inbox list and search; unknown values are 422.</summary>
public static class InboxFilterParsing
{
    public static InboxQuery Filters(
        string? view, string? assignee, long? minMessages, string? status, string? tags, DateTimeOffset? updatedFrom, DateTimeOffset? updatedTo,
        string? priority) =>
        new(
            Parse(view, InboxView.All, "view"),
            string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim(),
            minMessages,
            List(status)?.Select(s => Parse<InboxStatus>(s, default, "status")).ToArray(),
            List(tags)?.Select(t => t.ToLowerInvariant()).ToArray(),
            updatedFrom,
            updatedTo,
            Priorities: List(priority)?.Select(p => Parse<TicketPriority>(p, default, "priority")).ToArray());

    public static T Parse<T>(string? text, T fallback, string name)
        where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? fallback
        : Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value
        : throw DomainException.Invalid($"Unknown {name} '{text}': use one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");

    private static string[]? List(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
