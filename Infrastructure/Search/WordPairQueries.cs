using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Conversations.Infrastructure.Search;

/// <summary>
/// Turns an exact phrase into a lookup of its adjacent word pairs, which are far rarer than either of their words: "a b"
/// becomes the one term "a b" of the pair field, and "a b c" the documents holding both "a b" and "b c" that also hold the
/// phrase (so its positions are read only where the pairs already agree). A phrase of two common words then costs one short
/// posting list instead of intersecting two long ones with their positions. Phrases with slop, gaps or other fields are
/// left as they are, and so is the rest of the query tree around them.
/// </summary>
internal static class WordPairQueries
{
    public static Query Rewrite(Query query, string wordField, string wordPairField) => query switch
    {
        PhraseQuery phrase => Pairs(phrase, wordField, wordPairField) ?? phrase,
        BooleanQuery boolean => Rewrite(boolean, wordField, wordPairField),
        _ => query,
    };

    private static BooleanQuery Rewrite(BooleanQuery query, string wordField, string wordPairField)
    {
        var clauses = query.Clauses;
        var rewrittenClauses = new Query[clauses.Count];
        var changed = false;
        for (var i = 0; i < clauses.Count; i++)
        {
            rewrittenClauses[i] = Rewrite(clauses[i].Query, wordField, wordPairField);
            changed |= !ReferenceEquals(rewrittenClauses[i], clauses[i].Query);
        }

        if (!changed)
        {
            return query;
        }

        var rewritten = new BooleanQuery(query.CoordDisabled) { Boost = query.Boost, MinimumNumberShouldMatch = query.MinimumNumberShouldMatch };
        for (var i = 0; i < clauses.Count; i++)
        {
            rewritten.Add(rewrittenClauses[i], clauses[i].Occur);
        }

        return rewritten;
    }

    private static Query? Pairs(PhraseQuery phrase, string wordField, string wordPairField)
    {
        var terms = phrase.GetTerms();
        var positions = phrase.GetPositions();
        if (phrase.Slop != 0 || terms.Length < 2 || terms.Any(t => t.Field != wordField))
        {
            return null;
        }

        for (var i = 1; i < positions.Length; i++)
        {
            if (positions[i] != positions[i - 1] + 1)
            {
                return null;
            }
        }

        if (terms.Length == 2)
        {
            return new TermQuery(Pair(terms[0], terms[1], wordPairField)) { Boost = phrase.Boost };
        }

        var pairsAndPhrase = new BooleanQuery { Boost = phrase.Boost };
        for (var i = 1; i < terms.Length; i++)
        {
            pairsAndPhrase.Add(new TermQuery(Pair(terms[i - 1], terms[i], wordPairField)), Occur.MUST);
        }

        pairsAndPhrase.Add(phrase, Occur.MUST);
        return pairsAndPhrase;
    }

    private static Term Pair(Term first, Term second, string field) => new(field, first.Text + SearchTextAnalyzer.PairSeparator + second.Text);
}
