using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Conversations.Infrastructure.Search;

/// <summary>
/// Words as the standard tokenizer finds them, lower-cased, with no stop words (so a phrase of common words is found by
/// its pairs); the field of adjacent word pairs gets those pairs instead of the words. Values of one field never run into
/// each other: a phrase cannot span a message's text and its author's name.
/// </summary>
internal sealed class SearchTextAnalyzer(LuceneVersion version, string wordPairField) : Analyzer(PER_FIELD_REUSE_STRATEGY)
{
    public const string PairSeparator = " ";

    public override int GetPositionIncrementGap(string fieldName) => 100;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(version, reader);
        TokenStream words = new LowerCaseFilter(version, new StandardFilter(version, tokenizer));
        if (fieldName != wordPairField)
        {
            return new TokenStreamComponents(tokenizer, words);
        }

        return new TokenStreamComponents(tokenizer, new WordPairFilter(words));
    }
}
