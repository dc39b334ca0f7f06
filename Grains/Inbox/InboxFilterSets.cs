using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Inbox;

/// <summary>
/// A <see cref="Bitmap"/> of slots per filterable value: place, kind, status, priority, assignee, tag, message-count
/// threshold and week of the last update. All but place, kind, status and priority also count their rows per cell, so a
/// total over one of them is a sum of its tally.
/// </summary>
internal sealed class InboxFilterSets
{
    /// <summary>Message counts with a bitmap of their own; other minimums check the rows of the nearest lower one.</summary>
    public static readonly int[] Thresholds = [.. Enumerable.Range(1, 20), 25, 30, 40, 50, 75, 100, 150, 200, 300, 500, 1000];

    /// <summary>
    /// Rows are also grouped by the week of their update (bitmaps with tallies; days have tallies only, <see cref="InboxTotals"/>),
    /// so a date range is whole weeks, whole days at its ends, and at most two partial days (walked in list order).
    /// </summary>
    public const long TicksPerWeek = TimeSpan.TicksPerDay * 7;

    private readonly Bitmap[] _byPlace = [new(), new(), new()];
    private readonly Bitmap _chats = new(), _tickets = new();
    private readonly Bitmap[] _byStatus = [new(), new(), new(), new()];
    private readonly Bitmap[] _byPriority = NewBitmaps(InboxCells.Priorities, counted: false);
    private readonly Bitmap[] _atLeast = NewBitmaps(Thresholds.Length, counted: true);
    private readonly Dictionary<int, Bitmap> _byAssignee = [];
    private readonly Dictionary<int, Bitmap> _byTag = [];
    private readonly Dictionary<long, Bitmap> _byWeek = [];

    public Bitmap Place(int place) => _byPlace[place];

    public Bitmap Kind(bool chats) => chats ? _chats : _tickets;

    public Bitmap Status(int status) => _byStatus[status];

    public Bitmap Priority(int priority) => _byPriority[priority];

    public Bitmap? Assignee(int assignee) => _byAssignee.GetValueOrDefault(assignee);

    public Bitmap? Tag(int tag) => _byTag.GetValueOrDefault(tag);

    /// <summary>The rows with at least the highest threshold not above <paramref name="minimum"/> messages (at least 1).</summary>
    public Bitmap AtLeast(long minimum) => _atLeast[Array.FindLastIndex(Thresholds, t => t <= minimum)];

    /// <summary>Adds (or removes) a listed slot to (from) the set of each of its values.</summary>
    public void Set(int slot, bool on, InboxColumns columns)
    {
        var f = columns.Fields(slot);
        var cell = f.Cell;
        _byPlace[f.Place].Set(slot, on, cell);
        Kind(f.Kind == (byte)ConversationKind.Chat).Set(slot, on, cell);
        _byStatus[Math.Min(f.Status, (byte)3)].Set(slot, on, cell);
        _byPriority[f.Priority].Set(slot, on, cell);
        var assignee = columns.Assignee(slot);
        if (assignee != 0)
        {
            Of(_byAssignee, assignee).Set(slot, on, cell);
        }

        foreach (var tag in columns.Tags(slot) ?? [])
        {
            Of(_byTag, tag).Set(slot, on, cell);
        }

        Of(_byWeek, columns.Updated(slot) / TicksPerWeek).Set(slot, on, cell);
        var messages = columns.Messages(slot);
        for (var t = 0; t < Thresholds.Length && messages >= Thresholds[t]; t++)
        {
            _atLeast[t].Set(slot, on, cell);
        }
    }

    /// <summary>The weeks overlapping the updated range [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public Bitmap[] OverlappingWeeks(long from, long to)
    {
        var weeks = new List<Bitmap>();
        foreach (var (week, bitmap) in _byWeek)
        {
            if (((week + 1) * TicksPerWeek) - 1 >= from && week * TicksPerWeek <= to)
            {
                weeks.Add(bitmap);
            }
        }

        return [.. weeks];
    }

    /// <summary>The rows of weeks <paramref name="firstWeek"/> to <paramref name="lastWeek"/> in the cells (at the priority, all when negative).</summary>
    public long SumWeeks(long firstWeek, long lastWeek, InboxCells cells, int priority)
    {
        long count = 0;
        foreach (var (week, bitmap) in _byWeek)
        {
            if (week >= firstWeek && week <= lastWeek)
            {
                count += bitmap.Tally!.Sum(cells, priority);
            }
        }

        return count;
    }

    /// <summary>ORs into <paramref name="whole"/> the weeks wholly inside [<paramref name="from"/>, <paramref name="to"/>]; null when there is none.</summary>
    public (long First, long Last)? OrWeeksWithin(long from, long to, Span<ulong> whole)
    {
        long? first = null, last = null;
        whole.Clear();
        foreach (var (week, bitmap) in _byWeek)
        {
            if (week * TicksPerWeek >= from && ((week + 1) * TicksPerWeek) - 1 <= to)
            {
                bitmap.OrInto(whole);
                first = Math.Min(first ?? week, week);
                last = Math.Max(last ?? week, week);
            }
        }

        return first is { } f && last is { } l ? (f, l) : null;
    }

    private static Bitmap[] NewBitmaps(int count, bool counted)
    {
        var bitmaps = new Bitmap[count];
        for (var i = 0; i < count; i++)
        {
            bitmaps[i] = new Bitmap(counted);
        }

        return bitmaps;
    }

    private static Bitmap Of<TKey>(Dictionary<TKey, Bitmap> bitmaps, TKey value)
        where TKey : notnull
    {
        if (!bitmaps.TryGetValue(value, out var bitmap))
        {
            bitmaps[value] = bitmap = new Bitmap(counted: true);
        }

        return bitmap;
    }
}
