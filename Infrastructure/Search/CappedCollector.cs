using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Conversations.Infrastructure.Search;

/// <summary>Counts the matches it passes on and stops the search once <paramref name="cap"/> of them have been collected.</summary>
internal sealed class CappedCollector(ICollector inner, int cap) : ICollector
{
    public int Count { get; private set; }

    public bool Full => Count >= cap;

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context) => inner.SetNextReader(context);

    public void Collect(int doc)
    {
        inner.Collect(doc);
        if (++Count >= cap)
        {
            throw new CollectionTerminatedException();
        }
    }
}
