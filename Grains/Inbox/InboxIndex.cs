using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Inbox;

/// <summary>
/// The rows of one inbox shard in memory, column by column (one slot per conversation), with a bitmap per filterable
/// value (place, kind, status, priority, assignee, tag, message-count threshold, week), rows counted per cell (place,
/// kind, status, priority) overall and per assignee, tag, threshold, week and day, and the keys in list order per place,
/// per place and priority, and per assignee and place. A total comes from the counts when they are exact, else from
/// ANDing bitmaps; a page comes from walking keys (or, when few rows match, picking the best of them); rows are read
/// only for the keys a merged page keeps (docs/inbox-read-model.md). Not thread-safe: its grain runs one call at a time.
/// </summary>
public sealed class InboxIndex(string propertyId = "")
{
    /// <summary>Message counts with a bitmap of their own; other minimums check the rows of the nearest lower one.</summary>
    private static readonly int[] Thresholds = [.. Enumerable.Range(1, 20), 25, 30, 40, 50, 75, 100, 150, 200, 300, 500, 1000];

    /// <summary>A term with more than one set bit per this many bits is fused whole, a vector at a time (bench/Inbox.Bench).</summary>
    private const long DenseBitsPerSetBit = 16;

    /// <summary>How much dearer a row read at random is than a key read in sequence (bench/Inbox.Bench).</summary>
    private const long SelectCostRatio = 32;

    /// <summary>
    /// Rows are also grouped by the week of their update (bitmaps with tallies) and counted by the day (tallies only), so a date
    /// range is whole weeks, whole days at its ends, and at most two partial days (walked in list order).
    /// </summary>
    private const long TicksPerWeek = TimeSpan.TicksPerDay * 7;

    private readonly Dictionary<Guid, int> _slots = [];
    private readonly StringPool _strings = new();
    /// <summary>Every indexed row per cell (view, kind, status, priority), and below the same per assignee, tag, threshold, week and day.</summary>
    private readonly Tally _all = new();
    private readonly Dictionary<int, Bitmap> _byAssignee = [];
    /// <summary>Each assignee's keys in list order per place, so their list reads their rows in sequence rather than picking them out at random.</summary>
    private readonly Dictionary<int, SortedKeys[]> _orderByAssignee = [];
    private readonly Dictionary<int, Bitmap> _byTag = [];
    private readonly Bitmap[] _byPlace = [new(), new(), new()];
    private readonly Bitmap _chats = new(), _tickets = new();
    private readonly Bitmap[] _byStatus = [new(), new(), new(), new()];
    private readonly Bitmap[] _byPriority = [.. Enumerable.Range(0, InboxCells.Priorities).Select(_ => new Bitmap())];
    private readonly Bitmap[] _atLeast = [.. Thresholds.Select(_ => new Bitmap(counted: true))];
    private readonly Dictionary<long, Bitmap> _byWeek = [];
    private readonly Dictionary<long, Tally> _byDay = [];
    /// <summary>The keys in list order per place (inbox, Trash, Spam), and per place and priority: every view is in one place, so a walk meets only its own rows.</summary>
    private readonly SortedKeys[] _orderByPlace = [new(), new(), new()];
    private readonly SortedKeys[][] _orderByPriority = [.. Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, InboxCells.Priorities).Select(_ => new SortedKeys()).ToArray())];

    private Guid[] _ids = new Guid[16];
    private long[] _versions = new long[16];
    private long[] _created = new long[16];
    private long[] _updated = new long[16];
    private int[] _messages = new int[16];
    private Fields[] _fields = new Fields[16];
    private int[] _assignee = new int[16];
    private string?[] _titles = new string?[16];
    private string?[] _requesters = new string?[16];
    private int[]?[] _tags = new int[]?[16];
    private int _count;

    /// <summary>Slots in use, purged tombstones included.</summary>
    public int Count => _count;

    /// <summary>Stores the row unless this version (or a later one) is already here. Returns whether it changed anything.</summary>
    public bool Upsert(InboxRow row)
    {
        if (_slots.TryGetValue(row.Id, out var slot))
        {
            if (row.Version <= _versions[slot])
            {
                return false;
            }

            Index(slot, false);
        }
        else
        {
            slot = _count++;
            EnsureCapacity(_count);
            _slots[row.Id] = slot;
            _ids[slot] = row.Id;
        }

        var purged = row.Place == BinState.Purged;
        _versions[slot] = row.Version;
        _created[slot] = row.CreatedAt.UtcTicks;
        _updated[slot] = row.UpdatedAt.UtcTicks;
        _messages[slot] = (int)Math.Min(int.MaxValue, row.MessageCount);
        _fields[slot] = new Fields((byte)row.Kind, (byte)row.Status, (byte)row.Place, (byte)Math.Clamp(row.Priority, 0, InboxCells.Priorities - 1), (byte)row.Rating, (byte)row.AssigneeKind);
        _assignee[slot] = purged ? 0 : _strings.Intern(row.AssigneeId);
        _titles[slot] = purged ? null : row.Title;
        _requesters[slot] = purged ? null : row.Requester;
        _tags[slot] = purged || row.Tags.Count == 0 ? null : row.Tags.Select(_strings.Intern).ToArray();
        Index(slot, true);
        return true;
    }

    public InboxRow? Get(Guid id) => _slots.TryGetValue(id, out var slot) ? Row(slot) : null;

    /// <summary>Every row, purged tombstones included (a checkpoint keeps them so a stale row never comes back).</summary>
    public IEnumerable<InboxRow> All()
    {
        for (var slot = 0; slot < _count; slot++)
        {
            yield return Row(slot);
        }
    }

    /// <summary>
    /// The sort keys of up to Limit + 1 matching rows after the cursor, in list order, and the number of
    /// matching rows. Rows are read separately (<see cref="Rows"/>), only for the keys that make the merged page.
    /// </summary>
    public InboxKeyPage QueryKeys(InboxQuery query)
    {
        var limit = Math.Clamp(query.Limit, 1, InboxQuery.MaxLimit);
        if (!TryPlan(query, out var plan))
        {
            return new InboxKeyPage([], 0);
        }

        if (plan.Assigned is { } assigned && query.Sort == InboxSort.Updated)
        {
            return AssigneeKeys(plan, assigned, limit + 1);
        }

        if (plan.Tallied)
        {
            var tallied = TalliedCount(plan, -1);
            return new InboxKeyPage(Page(plan, null, tallied, limit + 1).ConvertAll(key => CursorOf(key, query.Sort)), tallied);
        }

        var words = (_count + 63) >> 6;
        var buffer = ArrayPool<ulong>.Shared.Rent(Math.Max(1, words * 2));
        var touched = ArrayPool<int>.Shared.Rent(Math.Max(1, words));
        try
        {
            var candidates = new Candidates(buffer, touched, Fuse(plan.Terms, buffer.AsSpan(0, words), buffer.AsSpan(words, words), touched));
            var candidateCount = candidates.Count();
            var total = plan.Residual.None ? candidateCount : CountChecked(plan, candidates, buffer.AsSpan(words, words));
            return new InboxKeyPage(Page(plan, candidates, candidateCount, limit + 1).ConvertAll(key => CursorOf(key, query.Sort)), total);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(touched);
            ArrayPool<ulong>.Shared.Return(buffer);
        }
    }

    /// <summary>The rows held for these ids, in the same order; ids not held are left out.</summary>
    public IReadOnlyList<InboxRow> Rows(IEnumerable<Guid> ids) =>
        ids.Select(id => _slots.TryGetValue(id, out var slot) ? Row(slot) : null).OfType<InboxRow>().ToList();

    private bool TryPlan(InboxQuery query, out QueryPlan plan)
    {
        var place = PlaceOf(query.View);
        bool? chats = query.View switch { InboxView.Chats => true, InboxView.Tickets => false, _ => null };
        List<Bitmap[]> terms = [[_byPlace[place]]];
        if (chats is { } chat)
        {
            terms.Add([chat ? _chats : _tickets]);
        }

        if (query.Statuses is { Count: > 0 } statuses)
        {
            terms.Add(statuses.Where(s => (int)s is > 0 and < 4).Select(s => _byStatus[(int)s]).ToArray());
        }

        var priorities = query.Priorities is { Count: > 0 } chosen ? chosen.Select(p => (int)p).Where(p => p is > 0 and < InboxCells.Priorities).Distinct().ToArray() : null;
        if (priorities is not null)
        {
            terms.Add(priorities.Select(p => _byPriority[p]).ToArray());
        }

        var extras = new List<Bitmap[]>();
        SortedKeys? assignedOrder = null;
        if (!string.IsNullOrEmpty(query.Assignee))
        {
            var assignee = _strings.Find(query.Assignee);
            extras.Add(_byAssignee.TryGetValue(assignee, out var assigned) ? [assigned] : []);
            assignedOrder = _orderByAssignee.GetValueOrDefault(assignee)?[place];
        }

        if (query.Tags is { Count: > 0 } tags)
        {
            extras.Add(tags.Select(t => _byTag.GetValueOrDefault(_strings.Find(t))).OfType<Bitmap>().Distinct().ToArray());
        }

        if (query.MinMessages is > 0 and var min)
        {
            var threshold = Array.FindLastIndex(Thresholds, t => t <= min);
            extras.Add([_atLeast[threshold]]);
        }

        terms.AddRange(extras);
        var residual = new Residual(query, this);
        if (residual.HasRange)
        {
            terms.Add(OverlappingWeeks(residual.From, residual.To));
        }

        plan = new QueryPlan(query, place, InboxCells.Of(place, chats, query.Statuses, priorities), terms, extras, residual, assignedOrder);
        return terms.All(t => t.Length > 0);
    }

    /// <summary>The weeks overlapping the updated range.</summary>
    private Bitmap[] OverlappingWeeks(long from, long to) =>
        _byWeek.Where(w => ((w.Key + 1) * TicksPerWeek) - 1 >= from && w.Key * TicksPerWeek <= to).Select(w => w.Value).ToArray();

    /// <summary>
    /// The candidates of every term ANDed (the terms OR their bitmaps), a word at a time, visiting only the words
    /// where the smallest term has bits; returns how many words were written (their indexes are in <paramref name="touched"/>).
    /// </summary>
    private static int Fuse(List<Bitmap[]> terms, Span<ulong> candidates, Span<ulong> scratch, int[] touched)
    {
        candidates.Clear();
        var driver = 0;
        for (var t = 1; t < terms.Count; t++)
        {
            if (Size(terms[t]) < Size(terms[driver]))
            {
                driver = t;
            }
        }

        var written = 0;
        // When the smallest term has bits in most words, whole bitmaps a vector at a time beat visiting words one by one.
        if (Size(terms[driver]) * DenseBitsPerSetBit > (long)candidates.Length * 64)
        {
            FuseDense(terms, candidates, scratch);
            for (var i = 0; i < candidates.Length; i++)
            {
                if (candidates[i] != 0)
                {
                    touched[written++] = i;
                }
            }

            return written;
        }

        var driving = terms[driver];
        var summaries = (candidates.Length + 63) >> 6;
        for (var s = 0; s < summaries; s++)
        {
            ulong summary = 0;
            foreach (var bitmap in driving)
            {
                summary |= bitmap.SummaryWord(s);
            }

            for (; summary != 0; summary &= summary - 1)
            {
                var i = (s << 6) + BitOperations.TrailingZeroCount(summary);
                if (i >= candidates.Length)
                {
                    break;
                }

                var word = ulong.MaxValue;
                for (var t = 0; t < terms.Count && word != 0; t++)
                {
                    ulong any = 0;
                    foreach (var bitmap in terms[t])
                    {
                        any |= bitmap.Word(i);
                    }

                    word &= any;
                }

                if (word != 0)
                {
                    candidates[i] = word;
                    touched[written++] = i;
                }
            }
        }

        return written;
    }

    private static void FuseDense(List<Bitmap[]> terms, Span<ulong> candidates, Span<ulong> any)
    {
        for (var t = 0; t < terms.Count; t++)
        {
            if (t == 0)
            {
                foreach (var bitmap in terms[t])
                {
                    bitmap.OrInto(candidates);
                }

                continue;
            }

            any.Clear();
            foreach (var bitmap in terms[t])
            {
                bitmap.OrInto(any);
            }

            var vectors = candidates.Length / Vector<ulong>.Count * Vector<ulong>.Count;
            var to = MemoryMarshal.Cast<ulong, Vector<ulong>>(candidates[..vectors]);
            var from = MemoryMarshal.Cast<ulong, Vector<ulong>>(any[..vectors]);
            for (var i = 0; i < to.Length; i++)
            {
                to[i] &= from[i];
            }

            for (var i = vectors; i < candidates.Length; i++)
            {
                candidates[i] &= any[i];
            }
        }
    }

    private static long Size(Bitmap[] term)
    {
        long size = 0;
        foreach (var bitmap in term)
        {
            size += bitmap.Count;
        }

        return size;
    }

    /// <summary>
    /// The total when every filter is a view, status, one assignee, one tag, a message-count threshold or an updated range (not
    /// with another of these): the rows counted per cell by the one set involved, so no row is visited (but for a range's partial days).
    /// </summary>
    private long TalliedCount(QueryPlan plan, int priority)
    {
        if (!plan.Residual.HasRange)
        {
            return (plan.Extras.Count == 0 ? _all : plan.Extras[0][0].Tally!).Sum(plan.Cells, priority);
        }

        var (from, to) = (plan.Residual.From, plan.Residual.To);
        var firstWeek = (from + TicksPerWeek - 1) / TicksPerWeek;
        var lastWeek = ((to + 1) / TicksPerWeek) - 1;
        if (firstWeek > lastWeek)
        {
            return CountDays(plan, priority, from, to);
        }

        long count = 0;
        foreach (var (week, bitmap) in _byWeek)
        {
            if (week >= firstWeek && week <= lastWeek)
            {
                count += bitmap.Tally!.Sum(plan.Cells, priority);
            }
        }

        return count + CountDays(plan, priority, from, (firstWeek * TicksPerWeek) - 1) + CountDays(plan, priority, (lastWeek + 1) * TicksPerWeek, to);
    }

    /// <summary>Rows updated in [from, to] (less than two weeks): whole days from their tallies, the partial days by walking their keys.</summary>
    private long CountDays(QueryPlan plan, int priority, long from, long to)
    {
        if (from > to)
        {
            return 0;
        }

        var firstDay = (from + TimeSpan.TicksPerDay - 1) / TimeSpan.TicksPerDay;
        var lastDay = ((to + 1) / TimeSpan.TicksPerDay) - 1;
        if (firstDay > lastDay)
        {
            return CountKeys(plan, priority, from, to);
        }

        long count = 0;
        for (var day = firstDay; day <= lastDay; day++)
        {
            count += _byDay.GetValueOrDefault(day)?.Sum(plan.Cells, priority) ?? 0;
        }

        return count + CountKeys(plan, priority, from, (firstDay * TimeSpan.TicksPerDay) - 1) + CountKeys(plan, priority, (lastDay + 1) * TimeSpan.TicksPerDay, to);
    }

    /// <summary>Keys updated in [from, to] of the plan's cells (or among the candidates), found by walking that stretch of the list order.</summary>
    private long CountKeys(QueryPlan plan, int priority, long from, long to, Candidates? candidates = null)
    {
        long count = 0;
        if (from > to)
        {
            return count;
        }

        var order = OrderOf(plan.Place, priority);
        foreach (var segment in order.Segments(order.Seek(FirstUpdatedAtOrBefore(to), strictlyAfter: false)))
        {
            foreach (var key in segment)
            {
                if (key.Updated < from)
                {
                    return count;
                }

                if (candidates is { } c ? c.Contains(key.Slot) : plan.Cells.Contains(key.Cell))
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>
    /// The total when some candidates need checking. With only an updated range: candidates in weeks wholly inside it count
    /// at once, and the rest of the range is walked in list order (it is sorted by update), checking each key
    /// against the candidates. A minimum message count between thresholds checks every candidate row.
    /// </summary>
    private long CountChecked(QueryPlan plan, Candidates candidates, Span<ulong> whole)
    {
        long count = 0;
        var residual = plan.Residual;
        if (!residual.OnlyRange)
        {
            foreach (var i in candidates.Touched)
            {
                for (var word = candidates.Words[i]; word != 0; word &= word - 1)
                {
                    if (residual.Matches((i << 6) + BitOperations.TrailingZeroCount(word)))
                    {
                        count++;
                    }
                }
            }

            return count;
        }

        var (from, to) = (residual.From, residual.To);
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

        if (first is null || last is null)
        {
            return CountKeys(plan, -1, from, to, candidates);
        }

        foreach (var i in candidates.Touched)
        {
            count += BitOperations.PopCount(candidates.Words[i] & whole[i]);
        }

        // The stretches of the range before and after its whole weeks.
        return count
            + CountKeys(plan, -1, (last.Value + 1) * TicksPerWeek, to, candidates)
            + CountKeys(plan, -1, from, (first.Value * TicksPerWeek) - 1, candidates);
    }

    /// <summary>A key that sorts before every row updated at or before <paramref name="ticks"/> (list order is newest first).</summary>
    private static InboxKey FirstUpdatedAtOrBefore(long ticks) => new(ticks, Guid.Empty, 0, 0);

    /// <summary>
    /// Up to <paramref name="take"/> matching keys after the cursor in list order, priority level by level (one level when sorting by update,
    /// with <paramref name="unsortedCount"/> candidates).
    /// Without <paramref name="candidates"/> the plan is tallied: a key matches by its cell and the bits of its filters.
    /// </summary>
    private List<InboxKey> Page(QueryPlan plan, Candidates? candidates, long unsortedCount, int take)
    {
        var query = plan.Query;
        var keys = new List<InboxKey>(take);
        var levels = query.Sort == InboxSort.Priority ? Enumerable.Range(0, InboxCells.Priorities).Reverse() : [-1];
        foreach (var level in levels)
        {
            if (query.After is { } after && query.Sort == InboxSort.Priority && level > after.Priority)
            {
                continue;
            }

            var levelCount = level < 0 ? unsortedCount : candidates is { } c ? c.Count(_byPriority[level]) : TalliedCount(plan, level);
            if (levelCount == 0)
            {
                continue;
            }

            var cursor = query.After is { } a && (level < 0 || level == a.Priority)
                ? new InboxKey(a.UpdatedTicks, a.Id, 0, 0)
                : (InboxKey?)null;
            var need = take - keys.Count;
            var order = OrderOf(plan.Place, level);
            // Walking the list order meets a match about every order.Count / levelCount keys, reading keys in sequence; picking the best
            // of the matches reads about levelCount rows at random places, measured some 30 times dearer per row on a big shard.
            if (levelCount * levelCount * SelectCostRatio <= (long)need * order.Count)
            {
                SelectBest(plan, candidates, level < 0 ? null : _byPriority[level], cursor, need, keys);
            }
            else
            {
                Walk(plan, order, candidates, cursor, need, keys);
            }

            if (keys.Count >= take)
            {
                break;
            }
        }

        return keys;
    }

    /// <summary>Adds the <paramref name="need"/> first matches in list order, keeping only the best so far (no sort of all matches).</summary>
    private void SelectBest(QueryPlan plan, Candidates? candidates, Bitmap? level, InboxKey? cursor, int need, List<InboxKey> keys)
    {
        var best = new BestKeys(need);
        if (candidates is { } matches)
        {
            foreach (var i in matches.Touched)
            {
                Offer(plan, matches.Words[i] & (level?.Word(i) ?? ulong.MaxValue), i, cursor, best);
            }
        }
        else
        {
            List<Bitmap[]> terms = level is null ? plan.Terms : [.. plan.Terms, [level]];
            var words = (_count + 63) >> 6;
            var buffer = ArrayPool<ulong>.Shared.Rent(Math.Max(1, words * 2));
            var touched = ArrayPool<int>.Shared.Rent(Math.Max(1, words));
            try
            {
                var written = Fuse(terms, buffer.AsSpan(0, words), buffer.AsSpan(words, words), touched);
                for (var t = 0; t < written; t++)
                {
                    Offer(plan, buffer[touched[t]], touched[t], cursor, best);
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(touched);
                ArrayPool<ulong>.Shared.Return(buffer);
            }
        }

        keys.AddRange(best.Keys());
    }

    private void Offer(QueryPlan plan, ulong word, int index, InboxKey? cursor, BestKeys best)
    {
        for (; word != 0; word &= word - 1)
        {
            var slot = (index << 6) + BitOperations.TrailingZeroCount(word);
            if (!best.MayTake(_updated[slot]) || !(plan.Residual.None || plan.Residual.Matches(slot)))
            {
                continue;
            }

            var key = KeyOf(slot);
            if (cursor is not { } c || key.CompareTo(c) > 0)
            {
                best.Offer(key);
            }
        }
    }

    private static void Walk(QueryPlan plan, SortedKeys order, Candidates? candidates, InboxKey? cursor, int need, List<InboxKey> keys)
    {
        var residual = plan.Residual;
        var upper = FirstUpdatedAtOrBefore(residual.To);
        var start = cursor is { } c && c.CompareTo(upper) >= 0 ? order.Seek(c, strictlyAfter: true) : order.Seek(upper, strictlyAfter: false);
        var found = 0;
        foreach (var segment in order.Segments(start))
        {
            foreach (var key in segment)
            {
                if (key.Updated < residual.From)
                {
                    return;
                }

                var matches = candidates is { } m
                    ? m.Contains(key.Slot) && (residual.None || residual.Matches(key.Slot))
                    : plan.Cells.Contains(key.Cell) && InAll(plan.Extras, key.Slot);
                if (matches)
                {
                    keys.Add(key);
                    if (++found == need)
                    {
                        return;
                    }
                }
            }
        }
    }

    /// <summary>
    /// An assignee's list sorted by update: their keys in the view's place, read in sequence. Its total comes from the tallies
    /// when that is exact; otherwise the walk goes on over the whole range (an assignee's share of the place) counting matches.
    /// </summary>
    private InboxKeyPage AssigneeKeys(QueryPlan plan, SortedKeys order, int take)
    {
        var residual = plan.Residual;
        var others = plan.Extras.Skip(1).ToList();
        var cursor = plan.Query.After is { } a ? new InboxKey(a.UpdatedTicks, a.Id, 0, 0) : (InboxKey?)null;
        var tallied = plan.Tallied;
        var keys = new List<InboxKey>(take);
        long count = 0;
        foreach (var segment in order.Segments(order.Seek(FirstUpdatedAtOrBefore(residual.To), strictlyAfter: false)))
        {
            foreach (var key in segment)
            {
                if (key.Updated < residual.From || (tallied && keys.Count == take))
                {
                    return new InboxKeyPage(keys.ConvertAll(k => CursorOf(k, InboxSort.Updated)), tallied ? TalliedCount(plan, -1) : count);
                }

                if (!plan.Cells.Contains(key.Cell) || !InAll(others, key.Slot) || !(residual.OnlyRange || residual.Matches(key.Slot)))
                {
                    continue;
                }

                count++;
                if (keys.Count < take && (cursor is not { } c || key.CompareTo(c) > 0))
                {
                    keys.Add(key);
                }
            }
        }

        return new InboxKeyPage(keys.ConvertAll(k => CursorOf(k, InboxSort.Updated)), tallied ? TalliedCount(plan, -1) : count);
    }

    private static bool InAll(List<Bitmap[]> terms, int slot)
    {
        foreach (var term in terms)
        {
            var any = false;
            foreach (var bitmap in term)
            {
                any |= bitmap.Contains(slot);
            }

            if (!any)
            {
                return false;
            }
        }

        return true;
    }

    private SortedKeys OrderOf(int place, int priority) => priority < 0 ? _orderByPlace[place] : _orderByPriority[place][priority];

    private InboxKey KeyOf(int slot) => new(_updated[slot], _ids[slot], slot, CellOf(_fields[slot]));

    private static byte CellOf(Fields f) => InboxCells.Of(f.Place, f.Kind == (byte)ConversationKind.Chat, f.Status, f.Priority);

    private static InboxCursor CursorOf(InboxKey key, InboxSort sort) =>
        new(sort == InboxSort.Priority ? key.Cell % InboxCells.Priorities : 0, key.Updated, key.Id);

    private InboxRow Row(int slot)
    {
        var f = _fields[slot];
        return new InboxRow(
            _ids[slot], propertyId, (ConversationKind)f.Kind, (InboxStatus)f.Status, (BinState)f.Place, _titles[slot] ?? "", _requesters[slot],
            (AssigneeKind)f.AssigneeKind, _strings[_assignee[slot]], _messages[slot],
            new DateTimeOffset(_created[slot], TimeSpan.Zero), new DateTimeOffset(_updated[slot], TimeSpan.Zero),
            (ChatRatingValue)f.Rating, f.Priority, _tags[slot]?.Select(t => _strings[t]!).ToArray() ?? [], _versions[slot]);
    }

    /// <summary>Adds (or removes) the slot to (from) every bitmap and tally its values belong to, and its key to (from) the list order.</summary>
    private void Index(int slot, bool on)
    {
        var f = _fields[slot];
        if (f.Place >= InboxCells.Places)
        {
            return;
        }

        var cell = CellOf(f);
        _all.Add(cell, on ? 1 : -1);
        _byPlace[f.Place].Set(slot, on, cell);
        (f.Kind == (byte)ConversationKind.Chat ? _chats : _tickets).Set(slot, on, cell);
        _byStatus[Math.Min(f.Status, (byte)3)].Set(slot, on, cell);
        _byPriority[f.Priority].Set(slot, on, cell);
        if (_assignee[slot] != 0)
        {
            Of(_byAssignee, _assignee[slot]).Set(slot, on, cell);
        }

        foreach (var tag in _tags[slot] ?? [])
        {
            Of(_byTag, tag).Set(slot, on, cell);
        }

        Of(_byWeek, _updated[slot] / TicksPerWeek).Set(slot, on, cell);
        var day = _updated[slot] / TimeSpan.TicksPerDay;
        if (!_byDay.TryGetValue(day, out var tally))
        {
            _byDay[day] = tally = new Tally();
        }

        tally.Add(cell, on ? 1 : -1);
        for (var t = 0; t < Thresholds.Length && _messages[slot] >= Thresholds[t]; t++)
        {
            _atLeast[t].Set(slot, on, cell);
        }

        var key = KeyOf(slot);
        SortedKeys[] orders = _assignee[slot] == 0
            ? [_orderByPlace[f.Place], _orderByPriority[f.Place][f.Priority]]
            : [_orderByPlace[f.Place], _orderByPriority[f.Place][f.Priority], OrderOf(_assignee[slot])[f.Place]];
        foreach (var order in orders)
        {
            if (on)
            {
                order.Add(key);
            }
            else
            {
                order.Remove(key);
            }
        }
    }

    /// <summary>The place a view lists: Trash, Spam, or the inbox for All, Chats and Tickets.</summary>
    private static int PlaceOf(InboxView view) => view switch
    {
        InboxView.Trash => (int)BinState.Trashed,
        InboxView.Spam => (int)BinState.Spam,
        _ => (int)BinState.Inbox,
    };

    private SortedKeys[] OrderOf(int assignee)
    {
        if (!_orderByAssignee.TryGetValue(assignee, out var orders))
        {
            _orderByAssignee[assignee] = orders = [new(), new(), new()];
        }

        return orders;
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

    private void EnsureCapacity(int count)
    {
        if (count <= _ids.Length)
        {
            return;
        }

        var size = Math.Max(count, _ids.Length * 2);
        Array.Resize(ref _ids, size);
        Array.Resize(ref _versions, size);
        Array.Resize(ref _created, size);
        Array.Resize(ref _updated, size);
        Array.Resize(ref _messages, size);
        Array.Resize(ref _fields, size);
        Array.Resize(ref _assignee, size);
        Array.Resize(ref _titles, size);
        Array.Resize(ref _requesters, size);
        Array.Resize(ref _tags, size);
    }

    /// <summary>The small values of a row, six bytes.</summary>
    private readonly record struct Fields(byte Kind, byte Status, byte Place, byte Priority, byte Rating, byte AssigneeKind);

    /// <summary>The checks bitmaps cannot answer exactly: a minimum message count between thresholds, and the updated range (clamped to real times).</summary>
    private readonly struct Residual(InboxQuery query, InboxIndex index)
    {
        private readonly long _min = query.MinMessages is > 0 and var m && Array.IndexOf(Thresholds, (int)Math.Min(m, int.MaxValue)) < 0 ? m : 0;

        public long From { get; } = Math.Max(query.UpdatedFrom?.UtcTicks ?? 0, 0);

        public long To { get; } = Math.Min(query.UpdatedTo?.UtcTicks ?? long.MaxValue, DateTimeOffset.MaxValue.UtcTicks);

        public bool HasRange => query.UpdatedFrom is not null || query.UpdatedTo is not null;

        public bool None => _min == 0 && !HasRange;

        public bool OnlyRange => _min == 0;

        public bool Matches(int slot) =>
            index._messages[slot] >= _min && index._updated[slot] >= From && index._updated[slot] <= To;
    }

    /// <summary>
    /// A query as bitmaps: Terms are ANDed (each ORs its bitmaps): place, kind, statuses, then the Extras (assignee, tags,
    /// threshold), then the weeks of the range; Cells is the same place, kind and statuses as cells.
    /// </summary>
    private sealed record QueryPlan(InboxQuery Query, int Place, InboxCells Cells, List<Bitmap[]> Terms, List<Bitmap[]> Extras, Residual Residual, SortedKeys? Assigned)
    {
        /// <summary>Whether tallies give the total exactly: at most one filter beyond view and status, and that one a single set or the range.</summary>
        public bool Tallied => Residual.OnlyRange && Extras.Count switch
        {
            0 => true,
            1 => Extras[0].Length == 1 && !Residual.HasRange,
            _ => false,
        };
    }

    /// <summary>The words of the fused terms; only the words listed in Touched can be non-zero.</summary>
    private readonly struct Candidates(ulong[] words, int[] touched, int written)
    {
        public ulong[] Words { get; } = words;

        public ReadOnlySpan<int> Touched => touched.AsSpan(0, written);

        public bool Contains(int slot) => (Words[slot >> 6] & (1UL << slot)) != 0;

        /// <summary>The candidates, or those in <paramref name="level"/> too.</summary>
        public long Count(Bitmap? level = null)
        {
            long count = 0;
            foreach (var i in Touched)
            {
                count += BitOperations.PopCount(Words[i] & (level?.Word(i) ?? ulong.MaxValue));
            }

            return count;
        }
    }
}
