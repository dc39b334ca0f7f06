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

    public bool Get(int bit) => (Word(bit >> 6) & (1UL << bit)) != 0;
}
