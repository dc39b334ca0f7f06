using System.Numerics;
using System.Runtime.InteropServices;

namespace Conversations.Grains.Inbox;

/// <summary>A growable set of slot numbers, one bit each.</summary>
internal sealed class Bitmap
{
    private ulong[] _words = [];

    public ulong Word(int index) => index < _words.Length ? _words[index] : 0;

    public void Set(int bit, bool on)
    {
        var word = bit >> 6;
        if (word >= _words.Length)
        {
            if (!on)
            {
                return;
            }

            Array.Resize(ref _words, Math.Max(word + 1, _words.Length * 2));
        }

        if (on)
        {
            _words[word] |= 1UL << bit;
        }
        else
        {
            _words[word] &= ~(1UL << bit);
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
