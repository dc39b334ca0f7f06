using System.Numerics;
using System.Runtime.InteropServices;

namespace Conversations.Grains.Inbox;

/// <summary>
/// ANDs terms of bitmaps (each term ORs its bitmaps) into candidate words: a word at a time where the smallest term has bits,
/// or whole vectors when that term is dense.
/// </summary>
internal static class BitmapFusion
{
    /// <summary>A term with more than one set bit per this many bits is fused whole, a vector at a time (bench/Inbox.Bench).</summary>
    public const long DenseBitsPerSetBit = 16;

    /// <summary>
    /// The candidates of every term ANDed (the terms OR their bitmaps), a word at a time, visiting only the words
    /// where the smallest term has bits; returns how many words were written (their indexes are in <paramref name="touched"/>).
    /// </summary>
    public static int Fuse(List<Bitmap[]> terms, Span<ulong> candidates, Span<ulong> scratch, int[] touched)
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

    /// <summary>Whether <paramref name="slot"/> is in every term (in any bitmap of each).</summary>
    public static bool InAll(List<Bitmap[]> terms, int slot)
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
}
