using Lucene.Net.Search;

namespace Conversations.Infrastructure.Search;

/// <summary>
/// How far one search goes before it answers with what it has ranked, so that its cost does not grow with the index: it
/// stops at <paramref name="maxRanked"/> matches, or once it has looked at <paramref name="maxExamined"/> candidate
/// documents (postings the inbox filter and the whisper rule judged) and ranked enough matches for the deepest page
/// (<paramref name="deepestPageEnd"/>), so every page of one query is cut from the same ranking. A query with fewer matches
/// than the deepest page is searched to the end.
/// </summary>
internal sealed class SearchEffort(int maxRanked, int deepestPageEnd, long maxExamined)
{
    public int Ranked { get; private set; }

    public long Examined { get; private set; }

    /// <summary>The search stopped before the end, so <see cref="Ranked"/> is a lower bound of the matches.</summary>
    public bool Stopped { get; private set; }

    public void CountRanked()
    {
        if (++Ranked >= maxRanked)
        {
            Stop();
        }
    }

    public void CountExamined()
    {
        if (++Examined >= maxExamined && Ranked >= deepestPageEnd)
        {
            Stop();
        }
    }

    private void Stop()
    {
        Stopped = true;
        throw new CollectionTerminatedException();
    }
}
