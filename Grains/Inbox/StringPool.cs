namespace Conversations.Grains.Inbox;

/// <summary>Interns repeated strings (tags, assignee ids) as small numbers; 0 means none.</summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [""];

    public int Intern(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return 0;
        }

        if (!_numbers.TryGetValue(value, out var number))
        {
            number = _strings.Count;
            _strings.Add(value);
            _numbers[value] = number;
        }

        return number;
    }

    /// <summary>The number of a string already seen, or -1.</summary>
    public int Find(string value) => _numbers.GetValueOrDefault(value, -1);

    public string? this[int number] => number == 0 ? null : _strings[number];
}
