namespace Conversations.Search.Bench;

/// <summary>
/// Made-up support text: a vocabulary of 20,000 pronounceable words drawn with a Zipf-like skew (a few words are very
/// common, most are rare), so that one-word queries range from thousands of hits to a handful.
/// </summary>
public sealed class TextGenerator
{
    private const int VocabularySize = 20_000;
    private static readonly string[] Syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "po", "shi", "ve", "do", "ga", "zu", "ri", "an", "el", "or", "ti", "mo", "be", "la"];

    private readonly Random _random;
    private readonly double[] _cumulative = new double[VocabularySize];

    public TextGenerator(int seed)
    {
        _random = new Random(seed);
        var words = new HashSet<string>();
        while (words.Count < VocabularySize)
        {
            var length = 2 + _random.Next(3);
            words.Add(string.Concat(Enumerable.Range(0, length).Select(_ => Syllables[_random.Next(Syllables.Length)])));
        }

        Vocabulary = [.. words];
        var sum = 0.0;
        for (var i = 0; i < VocabularySize; i++)
        {
            sum += 1.0 / Math.Pow(i + 1, 0.9);
            _cumulative[i] = sum;
        }

        for (var i = 0; i < VocabularySize; i++)
        {
            _cumulative[i] /= sum;
        }
    }

    public string[] Vocabulary { get; }

    public int Next(int max) => _random.Next(max);

    /// <summary>A word by rank: 0 is the most common.</summary>
    public string Word() => Vocabulary[Rank()];

    public string RareWord() => Vocabulary[VocabularySize / 2 + _random.Next(VocabularySize / 2)];

    public string CommonWord() => Vocabulary[_random.Next(50)];

    public string Sentence(int minWords, int maxWords) =>
        string.Join(' ', Enumerable.Range(0, minWords + _random.Next(maxWords - minWords + 1)).Select(_ => Word()));

    private int Rank()
    {
        var index = Array.BinarySearch(_cumulative, _random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, VocabularySize - 1);
    }
}
