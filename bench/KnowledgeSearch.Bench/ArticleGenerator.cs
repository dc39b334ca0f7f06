using Conversations.Grains.Interfaces.KnowledgeBase;
using Conversations.Grains.KnowledgeBase;

namespace Conversations.KnowledgeSearch.Bench;

/// <summary>
/// Deterministic fake help-center articles: support words plus a long tail of invented words drawn
/// with a skew, so that some terms are common (long postings) and most are rare, as in real text.
/// </summary>
public sealed class ArticleGenerator(int seed)
{
    private static readonly string[] SupportWords =
    [
        "account", "password", "reset", "login", "billing", "invoice", "refund", "payment", "card", "subscription",
        "plan", "upgrade", "downgrade", "cancel", "trial", "widget", "install", "snippet", "website", "chat",
        "ticket", "email", "agent", "department", "notification", "settings", "profile", "team", "invite", "role",
        "admin", "export", "import", "report", "analytics", "integration", "webhook", "api", "token", "security",
        "two", "factor", "authentication", "browser", "mobile", "app", "language", "translation", "timezone", "schedule",
        "offline", "form", "visitor", "ban", "spam", "trash", "restore", "shortcut", "knowledge", "article",
        "category", "search", "tag", "priority", "assign", "status", "pending", "closed", "open", "transcript",
    ];

    private readonly Random _random = new(seed);
    private readonly string[] _vocabulary = BuildVocabulary(seed);

    public IReadOnlyList<Guid> KnowledgeBases { get; } = Enumerable.Range(0, 10).Select(i => new Guid(i + 1, 0, 0, new byte[8])).ToList();

    public IReadOnlyList<Guid> Categories { get; } = Enumerable.Range(0, 40).Select(i => new Guid(i + 1, 1, 0, new byte[8])).ToList();

    public ArticleSearchDocument Next()
    {
        var title = Words(_random.Next(2, 7));
        var paragraphs = Enumerable.Range(0, _random.Next(2, 6)).Select(_ => Words(_random.Next(30, 90)) + ".");
        return new ArticleSearchDocument(
            Guid.NewGuid(),
            KnowledgeBases[_random.Next(KnowledgeBases.Count)],
            _random.Next(10) == 0 ? null : Categories[_random.Next(Categories.Count)],
            char.ToUpperInvariant(title[0]) + title[1..],
            "slug",
            string.Join("\n\n", paragraphs),
            _random.Next(10) == 0 ? ArticleStatus.Draft : ArticleStatus.Published);
    }

    public string Word() => _vocabulary[(int)(Math.Pow(_random.NextDouble(), 3) * _vocabulary.Length)];

    public string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Word()));

    public int Next(int max) => _random.Next(max);

    private static string[] BuildVocabulary(int seed)
    {
        var random = new Random(seed + 1);
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        var invented = Enumerable.Range(0, 20_000)
            .Select(_ => new string(Enumerable.Range(0, random.Next(4, 10)).Select(_ => letters[random.Next(letters.Length)]).ToArray()));
        return SupportWords.Concat(invented).ToArray();
    }
}
