using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Conversations.Infrastructure.Search;

/// <summary>Passes on only the documents whose conversation ordinal (doc values) the filter accepts.</summary>
internal sealed class AcceptedConversationsCollector(ICollector inner, Func<long, bool> accepts) : ICollector
{
    private NumericDocValues? _ordinals;

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        _ordinals = context.AtomicReader.GetNumericDocValues(LuceneConversationSearchIndex.OrdinalField);
        inner.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (_ordinals is not null && accepts(_ordinals.Get(doc)))
        {
            inner.Collect(doc);
        }
    }
}
