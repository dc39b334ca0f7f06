using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Inbox;

/// <summary>
/// The rows of one inbox shard in memory, column by column (one slot per conversation), with a bitmap per
/// filterable value (view, kind, status, priority, assignee, tag, message-count threshold, week) and the keys in
/// list order. A query ANDs bitmaps a word at a time for the total, then walks the list order (or, when few
/// rows match, picks the best of those) for the keys of one page; rows are read only for the keys a merged page
/// keeps. Not thread-safe: its grain runs one call at a time.
/// </summary>
public sealed class InboxIndex(string propertyId = "")
{
    /// <summary>Message counts with a bitmap of their own; other minimums check the rows of the nearest lower one.</summary>
    private static readonly int[] Thresholds = [.. Enumerable.Range(1, 20), 25, 30, 40, 50, 75, 100, 150, 200, 300, 500, 1000];

    private const int Priorities = 6;

    /// <summary>How much dearer a row read at random is than a key read in sequence (bench/Inbox.Bench).</summary>
    private const long SelectCostRatio = 32;

    /// <summary>Rows are also grouped by the week of their update, so a date range is whole weeks (bitmaps) plus at most two partial weeks (checked row by row).</summary>
    private const long TicksPerWeek = TimeSpan.TicksPerDay * 7;

    private readonly Dictionary<Guid, int> _slots = [];
    private readonly StringPool _strings = new();
    private readonly Dictionary<int, Bitmap> _byAssignee = [];
    private readonly Dictionary<int, Bitmap> _byTag = [];
    private readonly Bitmap _inbox = new(), _trash = new(), _spam = new(), _chats = new(), _tickets = new();
    private readonly Bitmap[] _byStatus = [new(), new(), new(), new()];
    private readonly Bitmap[] _byPriority = [new(), new(), new(), new(), new(), new()];
    private readonly Bitmap[] _atLeast = Thresholds.Select(_ => new Bitmap()).ToArray();
    private readonly Dictionary<long, Bitmap> _byWeek = [];
    /// <summary>The keys in list order per place (inbox, Trash, Spam), and per place and priority: every view is in one place, so a walk meets only its own rows.</summary>
    private readonly SortedKeys[] _orderByPlace = [new(), new(), new()];
    private readonly SortedKeys[][] _orderByPriority = [.. Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, Priorities).Select(_ => new SortedKeys()).ToArray())];

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
        _fields[slot] = new Fields((byte)row.Kind, (byte)row.Status, (byte)row.Place, (byte)Math.Clamp(row.Priority, 0, Priorities - 1), (byte)row.Rating, (byte)row.AssigneeKind);
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
        if (!TryTerms(query, out var terms))
        {
            return new InboxKeyPage([], 0);
        }

        var words = (_count + 63) >> 6;
        var buffer = ArrayPool<ulong>.Shared.Rent(Math.Max(1, words * 2));
        try
        {
            var candidates = buffer.AsSpan(0, words);
            var any = buffer.AsSpan(words, words);
            candidates.Clear();
            for (var t = 0; t < terms.Count; t++)
            {
                var target = t == 0 ? candidates : any;
                if (t > 0)
                {
                    any.Clear();
                }

                foreach (var bitmap in terms[t])
                {
                    bitmap.OrInto(target);
                }

                if (t > 0)
                {
                    And(candidates, any);
                }
            }

            long candidateCount = 0;
            foreach (var word in candidates)
            {
                candidateCount += BitOperations.PopCount(word);
            }

            var residual = new Residual(query, this);
            var total = residual.None ? candidateCount : CountChecked(candidates, any, residual, query);
            var slots = Page(query, candidates, candidateCount, residual, limit + 1);
            return new InboxKeyPage(slots.Select(slot => CursorOf(slot, query.Sort)).ToList(), total);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(buffer);
        }
    }

    /// <summary>The rows held for these ids, in the same order; ids not held are left out.</summary>
    public IReadOnlyList<InboxRow> Rows(IEnumerable<Guid> ids) =>
        ids.Select(id => _slots.TryGetValue(id, out var slot) ? Row(slot) : null).OfType<InboxRow>().ToList();

    private bool TryTerms(InboxQuery query, out List<Bitmap[]> terms)
    {
        terms = query.View switch
        {
            InboxView.Chats => [[_inbox], [_chats]],
            InboxView.Tickets => [[_inbox], [_tickets]],
            InboxView.Trash => [[_trash]],
            InboxView.Spam => [[_spam]],
            _ => [[_inbox]],
        };
        if (query.Statuses is { Count: > 0 } statuses)
        {
            terms.Add(statuses.Where(s => (int)s is > 0 and < 4).Select(s => _byStatus[(int)s]).ToArray());
        }

        if (!string.IsNullOrEmpty(query.Assignee))
        {
            terms.Add(_byAssignee.TryGetValue(_strings.Find(query.Assignee), out var assigned) ? [assigned] : []);
        }

        if (query.Tags is { Count: > 0 } tags)
        {
            terms.Add(tags.Select(t => _byTag.GetValueOrDefault(_strings.Find(t))).OfType<Bitmap>().ToArray());
        }

        if (query.UpdatedFrom is not null || query.UpdatedTo is not null)
        {
            terms.Add(OverlappingWeeks(query));
        }

        if (query.MinMessages is > 0 and var min)
        {
            var threshold = Array.FindLastIndex(Thresholds, t => t <= min);
            terms.Add([_atLeast[threshold]]);
        }

        return terms.All(t => t.Length > 0);
    }

    /// <summary>The weeks overlapping the query's updated range.</summary>
    private Bitmap[] OverlappingWeeks(InboxQuery query)
    {
        var from = query.UpdatedFrom?.UtcTicks ?? long.MinValue;
        var to = query.UpdatedTo?.UtcTicks ?? long.MaxValue;
        return _byWeek.Where(w => ((w.Key + 1) * TicksPerWeek) - 1 >= from && w.Key * TicksPerWeek <= to).Select(w => w.Value).ToArray();
    }

    /// <summary>
    /// The total when some rows need checking. With only an updated range: rows in weeks wholly inside it count
    /// at once, and the rest of the range is walked in list order (it is sorted by update), checking each key
    /// against the candidates. A minimum message count between thresholds checks every candidate row.
    /// </summary>
    private long CountChecked(ReadOnlySpan<ulong> candidates, Span<ulong> whole, Residual residual, InboxQuery query)
    {
        long count = 0;
        if (!residual.OnlyRange)
        {
            for (var i = 0; i < candidates.Length; i++)
            {
                for (var word = candidates[i]; word != 0; word &= word - 1)
                {
                    if (residual.Matches((i << 6) + BitOperations.TrailingZeroCount(word)))
                    {
                        count++;
                    }
                }
            }

            return count;
        }

        var from = query.UpdatedFrom?.UtcTicks ?? long.MinValue;
        var to = query.UpdatedTo?.UtcTicks ?? long.MaxValue;
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
            return CountInRange(query, candidates, from, to);
        }

        for (var i = 0; i < candidates.Length; i++)
        {
            count += BitOperations.PopCount(candidates[i] & whole[i]);
        }

        // The stretches of the range before and after its whole weeks.
        return count
            + CountInRange(query, candidates, (last.Value + 1) * TicksPerWeek, to)
            + CountInRange(query, candidates, from, (first.Value * TicksPerWeek) - 1);
    }

    /// <summary>Candidates whose update is in [from, to], found by walking that stretch of the list order.</summary>
    private long CountInRange(InboxQuery query, ReadOnlySpan<ulong> candidates, long from, long to)
    {
        long count = 0;
        if (from > to)
        {
            return count;
        }

        var order = _orderByPlace[PlaceOf(query.View)];
        foreach (var segment in order.Segments(order.Seek(FirstUpdatedAtOrBefore(to), strictlyAfter: false)))
        {
            foreach (var key in segment)
            {
                if (key.Updated < from)
                {
                    return count;
                }

                if (IsSet(candidates, key.Slot))
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static InboxKey UpperKey(InboxQuery query) => FirstUpdatedAtOrBefore(query.UpdatedTo?.UtcTicks ?? long.MaxValue);

    /// <summary>A key that sorts before every row updated at or before <paramref name="ticks"/> (list order is newest first).</summary>
    private static InboxKey FirstUpdatedAtOrBefore(long ticks) => new(ticks, Guid.Empty, 0);

    /// <summary>Up to <paramref name="take"/> matching slots after the cursor in list order, priority level by level (one level when sorting by update).</summary>
    private List<int> Page(InboxQuery query, ReadOnlySpan<ulong> candidates, long candidateCount, Residual residual, int take)
    {
        var slots = new List<int>(take);
        var levels = query.Sort == InboxSort.Priority ? Enumerable.Range(0, Priorities).Reverse() : [-1];
        foreach (var level in levels)
        {
            if (query.After is { } after && query.Sort == InboxSort.Priority && level > after.Priority)
            {
                continue;
            }

            var levelBitmap = level < 0 ? null : _byPriority[level];
            var levelCount = levelBitmap is null ? candidateCount : 0;
            for (var i = 0; levelBitmap is not null && i < candidates.Length; i++)
            {
                levelCount += BitOperations.PopCount(candidates[i] & levelBitmap.Word(i));
            }

            if (levelCount == 0)
            {
                continue;
            }

            var cursor = query.After is { } a && (level < 0 || level == a.Priority)
                ? new InboxKey(a.UpdatedTicks, a.Id, 0)
                : (InboxKey?)null;
            var need = take - slots.Count;
            var order = level < 0 ? _orderByPlace[PlaceOf(query.View)] : _orderByPriority[PlaceOf(query.View)][level];
            // Walking the list order meets a match about every _count / levelCount keys, reading keys in sequence; picking the best
            // of the matches reads about levelCount rows at random places, measured some 30 times dearer per row on a big shard.
            if (levelCount * levelCount * SelectCostRatio <= (long)need * order.Count)
            {
                SelectBest(candidates, levelBitmap, residual, cursor, need, slots);
            }
            else
            {
                Walk(query, order, candidates, residual, cursor, need, slots);
            }

            if (slots.Count >= take)
            {
                break;
            }
        }

        return slots;
    }

    /// <summary>Adds the <paramref name="need"/> first matches in list order, keeping only the best so far (no sort of all matches).</summary>
    private void SelectBest(ReadOnlySpan<ulong> candidates, Bitmap? level, Residual residual, InboxKey? cursor, int need, List<int> slots)
    {
        var best = new BestKeys(need);
        for (var i = 0; i < candidates.Length; i++)
        {
            for (var word = candidates[i] & (level?.Word(i) ?? ulong.MaxValue); word != 0; word &= word - 1)
            {
                var slot = (i << 6) + BitOperations.TrailingZeroCount(word);
                if (!best.MayTake(_updated[slot]) || !(residual.None || residual.Matches(slot)))
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

        slots.AddRange(best.Slots());
    }

    private static void Walk(InboxQuery query, SortedKeys order, ReadOnlySpan<ulong> candidates, Residual residual, InboxKey? cursor, int need, List<int> slots)
    {
        var upper = UpperKey(query);
        var start = cursor is { } c && c.CompareTo(upper) >= 0 ? order.Seek(c, strictlyAfter: true) : order.Seek(upper, strictlyAfter: false);
        var from = query.UpdatedFrom?.UtcTicks ?? long.MinValue;
        var found = 0;
        foreach (var segment in order.Segments(start))
        {
            foreach (var key in segment)
            {
                if (key.Updated < from)
                {
                    return;
                }

                if (IsSet(candidates, key.Slot) && (residual.None || residual.Matches(key.Slot)))
                {
                    slots.Add(key.Slot);
                    if (++found == need)
                    {
                        return;
                    }
                }
            }
        }
    }

    private static void And(Span<ulong> target, ReadOnlySpan<ulong> other)
    {
        var vectors = target.Length / Vector<ulong>.Count * Vector<ulong>.Count;
        var to = MemoryMarshal.Cast<ulong, Vector<ulong>>(target[..vectors]);
        var from = MemoryMarshal.Cast<ulong, Vector<ulong>>(other[..vectors]);
        for (var i = 0; i < to.Length; i++)
        {
            to[i] &= from[i];
        }

        for (var i = vectors; i < target.Length; i++)
        {
            target[i] &= other[i];
        }
    }

    private static bool IsSet(ReadOnlySpan<ulong> bits, int slot) => (bits[slot >> 6] & (1UL << slot)) != 0;

    private InboxKey KeyOf(int slot) => new(_updated[slot], _ids[slot], slot);

    private InboxCursor CursorOf(int slot, InboxSort sort) =>
        new(sort == InboxSort.Priority ? _fields[slot].Priority : 0, _updated[slot], _ids[slot]);

    private InboxRow Row(int slot)
    {
        var f = _fields[slot];
        return new InboxRow(
            _ids[slot], propertyId, (ConversationKind)f.Kind, (InboxStatus)f.Status, (BinState)f.Place, _titles[slot] ?? "", _requesters[slot],
            (AssigneeKind)f.AssigneeKind, _strings[_assignee[slot]], _messages[slot],
            new DateTimeOffset(_created[slot], TimeSpan.Zero), new DateTimeOffset(_updated[slot], TimeSpan.Zero),
            (ChatRatingValue)f.Rating, f.Priority, _tags[slot]?.Select(t => _strings[t]!).ToArray() ?? [], _versions[slot]);
    }

    /// <summary>Adds (or removes) the slot to (from) every bitmap its values belong to, and its key to (from) the list order.</summary>
    private void Index(int slot, bool on)
    {
        var f = _fields[slot];
        switch ((BinState)f.Place)
        {
            case BinState.Inbox: _inbox.Set(slot, on); break;
            case BinState.Trashed: _trash.Set(slot, on); break;
            case BinState.Spam: _spam.Set(slot, on); break;
            default: return;
        }

        (f.Kind == (byte)ConversationKind.Chat ? _chats : _tickets).Set(slot, on);
        _byStatus[Math.Min(f.Status, (byte)3)].Set(slot, on);
        _byPriority[f.Priority].Set(slot, on);
        if (_assignee[slot] != 0)
        {
            Of(_byAssignee, _assignee[slot]).Set(slot, on);
        }

        foreach (var tag in _tags[slot] ?? [])
        {
            Of(_byTag, tag).Set(slot, on);
        }

        Of(_byWeek, _updated[slot] / TicksPerWeek).Set(slot, on);
        for (var t = 0; t < Thresholds.Length && _messages[slot] >= Thresholds[t]; t++)
        {
            _atLeast[t].Set(slot, on);
        }

        var place = f.Place;
        foreach (var order in new[] { _orderByPlace[place], _orderByPriority[place][f.Priority] })
        {
            if (on)
            {
                order.Add(KeyOf(slot));
            }
            else
            {
                order.Remove(KeyOf(slot));
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

    private static Bitmap Of<TKey>(Dictionary<TKey, Bitmap> bitmaps, TKey value)
        where TKey : notnull
    {
        if (!bitmaps.TryGetValue(value, out var bitmap))
        {
            bitmaps[value] = bitmap = new Bitmap();
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

    /// <summary>The checks bitmaps cannot answer exactly: a minimum message count between thresholds, and the updated range.</summary>
    private readonly struct Residual(InboxQuery query, InboxIndex index)
    {
        private readonly long _min = query.MinMessages is > 0 and var m && Array.IndexOf(Thresholds, (int)Math.Min(m, int.MaxValue)) < 0 ? m : 0;
        private readonly long _from = query.UpdatedFrom?.UtcTicks ?? long.MinValue;
        private readonly long _to = query.UpdatedTo?.UtcTicks ?? long.MaxValue;

        public bool None => _min == 0 && _from == long.MinValue && _to == long.MaxValue;

        public bool OnlyRange => _min == 0;

        public bool Matches(int slot) =>
            index._messages[slot] >= _min && index._updated[slot] >= _from && index._updated[slot] <= _to;
    }
}
