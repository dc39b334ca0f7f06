using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Inbox;

/// <summary>
/// The rows of one shard as struct-of-arrays columns, one slot per conversation (purged tombstones included): ids,
/// versions, dates as UTC ticks, message counts, the small enums in six bytes, interned assignee and tag numbers, and
/// the two strings a purged row no longer keeps (title, requester).
/// </summary>
internal sealed class InboxColumns(string propertyId)
{
    private const int InitialSlots = 16;

    private readonly Dictionary<Guid, int> _slots = [];
    private Guid[] _ids = new Guid[InitialSlots];
    private long[] _versions = new long[InitialSlots];
    private long[] _created = new long[InitialSlots];
    private long[] _updated = new long[InitialSlots];
    private int[] _messages = new int[InitialSlots];
    private InboxRowFields[] _fields = new InboxRowFields[InitialSlots];
    private int[] _assignee = new int[InitialSlots];
    private string?[] _titles = new string?[InitialSlots];
    private string?[] _requesters = new string?[InitialSlots];
    private int[]?[] _tags = new int[]?[InitialSlots];

    /// <summary>Few conversations are merged (MRG-1): their links are kept aside rather than in a column.</summary>
    private readonly Dictionary<int, Guid> _mergedInto = [];

    /// <summary>Assignee ids and tags as small numbers (0 for none).</summary>
    public StringPool Strings { get; } = new();

    /// <summary>Slots in use, purged tombstones included.</summary>
    public int Count { get; private set; }

    public bool TryFind(Guid id, out int slot) => _slots.TryGetValue(id, out slot);

    /// <summary>A new slot for <paramref name="id"/>; its other columns are written by <see cref="Write"/>.</summary>
    public int Add(Guid id)
    {
        var slot = Count++;
        EnsureCapacity(Count);
        _slots[id] = slot;
        _ids[slot] = id;
        return slot;
    }

    public long Version(int slot) => _versions[slot];

    public long Updated(int slot) => _updated[slot];

    public int Messages(int slot) => _messages[slot];

    public InboxRowFields Fields(int slot) => _fields[slot];

    public int Assignee(int slot) => _assignee[slot];

    public int[]? Tags(int slot) => _tags[slot];

    public void Write(int slot, InboxRow row)
    {
        var purged = row.Place == BinState.Purged;
        _versions[slot] = row.Version;
        _created[slot] = row.CreatedAt.UtcTicks;
        _updated[slot] = row.UpdatedAt.UtcTicks;
        _messages[slot] = (int)Math.Min(int.MaxValue, row.MessageCount);
        _fields[slot] = InboxRowFields.Of(row);
        _assignee[slot] = purged ? 0 : Strings.Intern(row.AssigneeId);
        _titles[slot] = purged ? null : row.Title;
        _requesters[slot] = purged ? null : row.Requester;
        _tags[slot] = purged || row.Tags.Count == 0 ? null : Intern(row.Tags);
        if (!purged && row.MergedIntoId is { } survivor)
        {
            _mergedInto[slot] = survivor;
        }
        else
        {
            _mergedInto.Remove(slot);
        }
    }

    public InboxKey KeyOf(int slot) => new(_updated[slot], _ids[slot], slot, _fields[slot].Cell);

    public InboxRow Row(int slot)
    {
        var f = _fields[slot];
        return new InboxRow(
            _ids[slot], propertyId, (ConversationKind)f.Kind, (InboxStatus)f.Status, (BinState)f.Place, _titles[slot] ?? "", _requesters[slot],
            (AssigneeKind)f.AssigneeKind, Strings[_assignee[slot]], _messages[slot],
            new DateTimeOffset(_created[slot], TimeSpan.Zero), new DateTimeOffset(_updated[slot], TimeSpan.Zero),
            (ChatRatingValue)f.Rating, f.Priority, Names(_tags[slot]), _versions[slot],
            MergedIntoId: _mergedInto.TryGetValue(slot, out var survivor) ? survivor : null);
    }

    private int[] Intern(IReadOnlyList<string> values)
    {
        var numbers = new int[values.Count];
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = Strings.Intern(values[i]);
        }

        return numbers;
    }

    private string[] Names(int[]? numbers)
    {
        if (numbers is null)
        {
            return [];
        }

        var names = new string[numbers.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Strings[numbers[i]]!;
        }

        return names;
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
}
