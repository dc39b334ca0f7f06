using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Web.Inbox;

/// <summary>A page of the list, the total matching the filters, and the cursor for the next page (null on the last).</summary>
public sealed record InboxPageResponse(IReadOnlyList<InboxRow> Rows, long Total, string? NextCursor)
{
    public static InboxPageResponse From(InboxPage page) => new(page.Rows, page.Total, page.Next?.Encode());
}
