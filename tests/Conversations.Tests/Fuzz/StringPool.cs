namespace Conversations.Tests.Fuzz;

/// <summary>Values the fuzzer knows (seeded, or learned from answers), picked at random; thread-safe and bounded.</summary>
public sealed class StringPool(string name, int capacity = 500)
{
    private readonly List<string> _values = [];
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public string Name { get; } = name;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _values.Count;
            }
        }
    }

    public void Add(string value)
    {
        lock (_lock)
        {
            if (!_known.Add(value))
            {
                return;
            }

            if (_values.Count < capacity)
            {
                _values.Add(value);
            }
            else
            {
                // Keep the first (seeded) values; replace a learned one.
                _values[capacity / 2 + Random.Shared.Next(capacity - capacity / 2)] = value;
            }
        }
    }

    /// <summary>A known value, or <paramref name="fallback"/> when there is none yet.</summary>
    public string Pick(Random random, string fallback)
    {
        lock (_lock)
        {
            return _values.Count == 0 ? fallback : _values[random.Next(_values.Count)];
        }
    }
}
