namespace Conversations.Infrastructure.Search;

/// <summary>
/// One search's answers of the inbox filter, asked once per conversation: a conversation's messages share its answer.
/// Conversations added after the search began are asked each time.
/// </summary>
internal sealed class ConversationAnswers(ConversationOrdinals ordinals, Func<Guid, bool> accept)
{
    private readonly int _known = ordinals.Count;
    private readonly sbyte[] _answers = new sbyte[ordinals.Count];

    public bool Accepts(long ordinal)
    {
        if (ordinal < 0 || ordinal >= ordinals.Count)
        {
            return false;
        }

        if (ordinal >= _known)
        {
            return Ask((int)ordinal);
        }

        ref var answer = ref _answers[ordinal];
        if (answer == 0)
        {
            answer = Ask((int)ordinal) ? (sbyte)1 : (sbyte)-1;
        }

        return answer > 0;
    }

    private bool Ask(int ordinal)
    {
        var id = ordinals[ordinal];
        return id != Guid.Empty && accept(id);
    }
}
