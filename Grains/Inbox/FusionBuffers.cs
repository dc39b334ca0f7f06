using System.Buffers;

namespace Conversations.Grains.Inbox;

/// <summary>
/// Pooled room to fuse terms over a shard of <c>slots</c> rows: the candidate words, as many scratch words, and the indexes of
/// the words written. Returned to the pool on dispose, so the <see cref="Candidates"/> made here must not outlive it.
/// </summary>
internal readonly ref struct FusionBuffers
{
    private readonly int _words;
    private readonly ulong[] _buffer;
    private readonly int[] _touched;

    public FusionBuffers(int slots)
    {
        _words = (slots + 63) >> 6;
        _buffer = ArrayPool<ulong>.Shared.Rent(Math.Max(1, _words * 2));
        _touched = ArrayPool<int>.Shared.Rent(Math.Max(1, _words));
    }

    /// <summary>Words free once the terms are fused.</summary>
    public Span<ulong> Scratch => _buffer.AsSpan(_words, _words);

    public Candidates Fuse(List<Bitmap[]> terms) =>
        new(_buffer, _touched, BitmapFusion.Fuse(terms, _buffer.AsSpan(0, _words), Scratch, _touched));

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_touched);
        ArrayPool<ulong>.Shared.Return(_buffer);
    }
}
