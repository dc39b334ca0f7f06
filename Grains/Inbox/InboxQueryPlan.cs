using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Inbox;

/// <summary>
/// A query as bitmaps: Terms are ANDed (each ORs its bitmaps): place, kind, statuses, priorities, then the Extras
/// (assignee, tags, threshold), then the weeks of the range; Cells is the same place, kind, statuses and priorities as
/// cells; Residual is what each candidate row must still pass; Assigned is the assignee's own list order in the place.
/// </summary>
internal sealed record InboxQueryPlan(
    InboxQuery Query, int Place, InboxCells Cells, List<Bitmap[]> Terms, List<Bitmap[]> Extras, ResidualChecks Residual, SortedKeys? Assigned)
{
    /// <summary>Whether tallies give the total exactly: at most one filter beyond view and status, and that one a single set or the range.</summary>
    public bool Tallied => Residual.OnlyRange && Extras.Count switch
    {
        0 => true,
        1 => Extras[0].Length == 1 && !Residual.HasRange,
        _ => false,
    };
}
