using System.Numerics;

namespace Conversations.Grains.Inbox;

/// <summary>The words of the fused terms (<see cref="BitmapFusion"/>); only the words listed in Touched can be non-zero.</summary>
internal readonly struct Candidates(ulong[] words, int[] touched, int written)
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
