using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Conversations.Infrastructure.Search;

/// <summary>
/// The documents of one segment a search may score: live, not a whisper unless whispers are wanted, and of a conversation
/// the inbox filter accepts. Handed to Lucene as the accepted documents, so the others are skipped before scoring; each
/// look counts against the search's effort.
/// </summary>
internal sealed class AcceptedDocuments : IBits
{
    private readonly IBits? _live;
    private readonly NumericDocValues? _ordinals;
    private readonly NumericDocValues? _whispers;
    private readonly ConversationAnswers _answers;
    private readonly SearchEffort _effort;

    public AcceptedDocuments(AtomicReader segment, ConversationAnswers answers, bool includeWhispers, SearchEffort effort)
    {
        _effort = effort;
        _live = segment.LiveDocs;
        _ordinals = segment.GetNumericDocValues(LuceneConversationSearchIndex.OrdinalField);
        _whispers = includeWhispers ? null : segment.GetNumericDocValues(LuceneConversationSearchIndex.WhisperValueField);
        _answers = answers;
        Length = segment.MaxDoc;
    }

    public int Length { get; }

    public bool Get(int index)
    {
        _effort.CountExamined();
        return _ordinals is not null
            && (_live is null || _live.Get(index))
            && (_whispers is null || _whispers.Get(index) == 0)
            && _answers.Accepts(_ordinals.Get(index));
    }
}
