using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Inbox;

/// <summary>
/// The checks bitmaps cannot answer exactly, made per row: a minimum message count between thresholds, and the updated
/// range (clamped to real times).
/// </summary>
internal readonly struct ResidualChecks(InboxQuery query, InboxColumns columns)
{
    private readonly long _min = query.MinMessages is > 0 and var m && Array.IndexOf(InboxFilterSets.Thresholds, (int)Math.Min(m, int.MaxValue)) < 0 ? m : 0;

    public long From { get; } = Math.Max(query.UpdatedFrom?.UtcTicks ?? 0, 0);

    public long To { get; } = Math.Min(query.UpdatedTo?.UtcTicks ?? long.MaxValue, DateTimeOffset.MaxValue.UtcTicks);

    public bool HasRange => query.UpdatedFrom is not null || query.UpdatedTo is not null;

    /// <summary>Nothing to check: every candidate matches.</summary>
    public bool None => _min == 0 && !HasRange;

    /// <summary>No minimum between thresholds: a key's update time alone settles the checks.</summary>
    public bool OnlyRange => _min == 0;

    public bool Matches(int slot) =>
        columns.Messages(slot) >= _min && columns.Updated(slot) >= From && columns.Updated(slot) <= To;
}
