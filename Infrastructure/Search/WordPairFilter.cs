using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Conversations.Infrastructure.Search;

/// <summary>
/// Turns a stream of words into the pairs of adjacent ones ("a b c" → "a b", "b c"), joined by
/// <see cref="SearchTextAnalyzer.PairSeparator"/>. Words apart (a gap between two values of a field) make no pair.
/// </summary>
internal sealed class WordPairFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private char[] _previous = new char[32];
    private char[] _current = new char[32];
    private int _previousLength;

    public WordPairFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        while (m_input.IncrementToken())
        {
            var length = _term.Length;
            var adjacent = _previousLength > 0 && _position.PositionIncrement == 1;
            if (_current.Length < length)
            {
                _current = new char[length * 2];
            }

            Array.Copy(_term.Buffer, _current, length);
            if (adjacent)
            {
                var buffer = _term.ResizeBuffer(_previousLength + 1 + length);
                Array.Copy(_previous, 0, buffer, 0, _previousLength);
                buffer[_previousLength] = SearchTextAnalyzer.PairSeparator[0];
                Array.Copy(_current, 0, buffer, _previousLength + 1, length);
                _term.Length = _previousLength + 1 + length;
            }

            (_previous, _current) = (_current, _previous);
            _previousLength = length;
            if (adjacent)
            {
                return true;
            }
        }

        return false;
    }

    public override void Reset()
    {
        base.Reset();
        _previousLength = 0;
    }
}
