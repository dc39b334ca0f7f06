using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Conversations.Infrastructure.Search;

/// <summary>Passes matches on to <paramref name="inner"/> and counts them against the search's <paramref name="effort"/>.</summary>
internal sealed class EffortCountingCollector(ICollector inner, SearchEffort effort) : ICollector
{
    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context) => inner.SetNextReader(context);

    public void Collect(int doc)
    {
        inner.Collect(doc);
        effort.CountRanked();
    }
}
