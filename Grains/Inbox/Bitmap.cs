using System.Numerics;
using System.Runtime.InteropServices;

namespace Conversations.Grains.Inbox;

/// <summary>
/// A growable set of slot numbers, one bit each, with its population, a summary bit per non-empty word (so a walk
/// over a sparse set skips its empty words) and, when <paramref name="counted"/>, how many of its slots are in each
/// <see cref="InboxCells">cell</see> (so a total needs no walk at all).
/// </summary>
internal sealed class Bitmap(bool counted = false)
{
    private ulong[] _words = [];
    private ulong[] _summary = [];

    public int Count { get; private set; }

    /// <summary>Slots per cell, or null when not counted.</summary>
    public Tally? Tally { get; } = counted ? new Tally() : null;

    /// <summary>How many words hold bits (the rest are zero).</summary>
    public int Length => _words.Length;

    public ulong Word(int index) => index < _words.Length ? _words[index] : 0;

    /// <summary>Bit <paramref name="index"/> is set when word <paramref name="index"/> is not zero.</summary>
    public ulong SummaryWord(int index) => index < _summary.Length ? _summary[index] : 0;

    public bool Contains(int bit) => (Word(bit >> 6) & (1UL << bit)) != 0;

    public void Set(int bit, bool on, int cell)
    {
        var word = bit >> 6;
        if (word >= _words.Length)
        {
            if (!on)
            {
                return;
            }

            Array.Resize(ref _words, Math.Max(word + 1, _words.Length * 2));
            Array.Resize(ref _summary, (_words.Length + 63) >> 6);
        }

        var before = _words[word];
        var after = on ? before | (1UL << bit) : before & ~(1UL << bit);
        if (after == before)
        {
            return;
        }

        _words[word] = after;
        Count += on ? 1 : -1;
        Tally?.Add(cell, on ? 1 : -1);
        if (after == 0)
        {
            _summary[word >> 6] &= ~(1UL << word);
        }
        else
        {
            _summary[word >> 6] |= 1UL << word;
        }
    }

    /// <summary>target |= this, a vector at a time; words this bitmap has not grown to are zero.</summary>
    public void OrInto(Span<ulong> target)
    {
        var n = Math.Min(target.Length, _words.Length);
        var from = _words.AsSpan(0, n);
        var to = target[..n];
        var vectors = n / Vector<ulong>.Count * Vector<ulong>.Count;
        var fromVectors = MemoryMarshal.Cast<ulong, Vector<ulong>>(from[..vectors]);
        var toVectors = MemoryMarshal.Cast<ulong, Vector<ulong>>(to[..vectors]);
        for (var i = 0; i < toVectors.Length; i++)
        {
            toVectors[i] |= fromVectors[i];
        }

        for (var i = vectors; i < n; i++)
        {
            to[i] |= from[i];
        }
    }
}
