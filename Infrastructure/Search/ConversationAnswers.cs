using System.Buffers;

namespace Conversations.Infrastructure.Search;

/// <summary>
/// One search's answers of the inbox filter, asked once per conversation: a conversation's messages share its answer.
/// Conversations added after the search began are asked each time. The answers' array (a byte per conversation) is
/// pooled: a fresh one per search would be a large-object allocation at a million conversations.
/// </summary>
internal sealed class ConversationAnswers : IDisposable
{
    private readonly ConversationOrdinals _ordinals;
    private readonly Func<Guid, bool> _accept;
    private readonly int _known;
    private sbyte[]? _answers;

    public ConversationAnswers(ConversationOrdinals ordinals, Func<Guid, bool> accept)
    {
        _ordinals = ordinals;
        _accept = accept;
        _known = ordinals.Count;
        _answers = ArrayPool<sbyte>.Shared.Rent(Math.Max(1, _known));
        Array.Clear(_answers, 0, _known);
    }

    public bool Accepts(long ordinal)
    {
        if (ordinal < 0 || ordinal >= _ordinals.Count)
        {
            return false;
        }

        if (ordinal >= _known)
        {
            return Ask((int)ordinal);
        }

        ref var answer = ref _answers![ordinal];
        if (answer == 0)
        {
            answer = Ask((int)ordinal) ? (sbyte)1 : (sbyte)-1;
        }

        return answer > 0;
    }

    public void Dispose()
    {
        if (_answers is { } answers)
        {
            _answers = null;
            ArrayPool<sbyte>.Shared.Return(answers);
        }
    }

    private bool Ask(int ordinal)
    {
        var id = _ordinals[ordinal];
        return id != Guid.Empty && _accept(id);
    }
}
