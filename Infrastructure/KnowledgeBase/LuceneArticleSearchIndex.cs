using System.Net;
using Conversations.Grains.Interfaces.KnowledgeBase;
using Conversations.Grains.KnowledgeBase;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Conversations.Infrastructure.KnowledgeBase;

/// <summary>
/// An in-memory Lucene index of articles. Ranking: an exact title match (case and spacing ignored)
/// comes first, then Lucene's score where a term in the title weighs three times a term in the body;
/// every query word must match (the last one also as a prefix, for search-as-you-type).
/// Not thread-safe: one owner (the search grain, or the benchmark) calls it at a time.
/// </summary>
public sealed class LuceneArticleSearchIndex : IArticleSearchIndex
{
    public const int SnippetLength = 160;

    /// <summary>
    /// Snippets come from the first 10,000 characters: highlighting re-analyses the text and is most of a
    /// search's cost, so a 50,000-character body would otherwise cost five times more per hit.
    /// </summary>
    public const int SnippetSourceLength = 10_000;

    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string IdField = "id";
    private const string KnowledgeBaseField = "kb";
    private const string CategoryField = "category";
    private const string StatusField = "status";
    private const string TitleField = "title";
    private const string TitleKeyField = "title_key";
    private const string SlugField = "slug";
    private const string TextField = "text";
    private const int MinimumPrefixLength = 2;

    private readonly RAMDirectory _directory = new();
    private readonly Analyzer _analyzer = new StandardAnalyzer(Version);
    private readonly IndexWriter _writer;
    private DirectoryReader? _reader;
    private bool _changed = true;

    public LuceneArticleSearchIndex() =>
        _writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE });

    public int Count => _writer.NumDocs;

    public void Upsert(ArticleSearchDocument article)
    {
        _writer.UpdateDocument(new Term(IdField, Key(article.ArticleId)), ToDocument(article));
        _changed = true;
    }

    public void Remove(Guid articleId)
    {
        _writer.DeleteDocuments(new Term(IdField, Key(articleId)));
        _changed = true;
    }

    public void Clear()
    {
        _writer.DeleteAll();
        _changed = true;
    }

    public IReadOnlyList<ArticleSearchHit> Search(ArticleSearchQuery query)
    {
        var text = (query.Text ?? "").Trim();
        var limit = Math.Clamp(query.Limit, 1, KnowledgeLimits.MaxSearchResults);
        if (text.Length == 0 || text.Length > KnowledgeLimits.MaxQueryLength)
        {
            return [];
        }

        // A title made only of stop words ("To be or not to be") is still found by its exact title.
        var titleKey = TitleKey(text);
        var wordsQuery = WordsQuery(Analyze(text));
        var ranked = new BooleanQuery
        {
            { wordsQuery, Occur.SHOULD },
            { new TermQuery(new Term(TitleKeyField, titleKey)) { Boost = 1000f }, Occur.SHOULD },
        };

        var searcher = new IndexSearcher(Reader());
        var top = searcher.Search(ranked, FilterFor(query), limit);
        var highlighter = Highlighter(wordsQuery);
        return top.ScoreDocs
            .Select(hit => ToHit(searcher.Doc(hit.Doc), hit.Score, highlighter))
            .OrderByDescending(hit => TitleKey(hit.Title) == titleKey)
            .ToList();
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }

    private DirectoryReader Reader()
    {
        if (_reader is null || _changed)
        {
            var next = _reader is null ? DirectoryReader.Open(_writer, applyAllDeletes: true) : DirectoryReader.OpenIfChanged(_reader, _writer, applyAllDeletes: true);
            if (next is not null)
            {
                _reader?.Dispose();
                _reader = next;
            }

            _changed = false;
        }

        return _reader!;
    }

    private static Query WordsQuery(IReadOnlyList<string> words)
    {
        var all = new BooleanQuery();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var any = new BooleanQuery
            {
                { new TermQuery(new Term(TitleField, word)) { Boost = 3f }, Occur.SHOULD },
                { new TermQuery(new Term(TextField, word)), Occur.SHOULD },
            };
            if (i == words.Count - 1 && word.Length >= MinimumPrefixLength)
            {
                any.Add(new PrefixQuery(new Term(TitleField, word)) { Boost = 1.5f }, Occur.SHOULD);
                any.Add(new PrefixQuery(new Term(TextField, word)) { Boost = 0.5f }, Occur.SHOULD);
            }

            all.Add(any, Occur.MUST);
        }

        return all;
    }

    private static Filter? FilterFor(ArticleSearchQuery query)
    {
        var filter = new BooleanQuery();
        if (query.KnowledgeBaseId is { } knowledgeBaseId)
        {
            filter.Add(new TermQuery(new Term(KnowledgeBaseField, Key(knowledgeBaseId))), Occur.MUST);
        }

        if (query.CategoryId is { } categoryId)
        {
            filter.Add(new TermQuery(new Term(CategoryField, Key(categoryId))), Occur.MUST);
        }

        if (!query.IncludeDrafts)
        {
            filter.Add(new TermQuery(new Term(StatusField, nameof(ArticleStatus.Published))), Occur.MUST);
        }

        return filter.Clauses.Count == 0 ? null : new QueryWrapperFilter(filter);
    }

    private Highlighter Highlighter(Query wordsQuery)
    {
        var scorer = new QueryScorer(wordsQuery, TextField);
        return new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, SnippetLength),
            MaxDocCharsToAnalyze = SnippetSourceLength,
        };
    }

    private ArticleSearchHit ToHit(Document document, float score, Highlighter highlighter)
    {
        var text = document.Get(TextField) ?? "";
        var snippet = highlighter.GetBestFragment(_analyzer, TextField, text)
            ?? WebUtility.HtmlEncode(text.Length <= SnippetLength ? text : text[..SnippetLength] + "…");
        var category = document.Get(CategoryField);
        return new ArticleSearchHit(
            Guid.ParseExact(document.Get(IdField), "N"),
            Guid.ParseExact(document.Get(KnowledgeBaseField), "N"),
            string.IsNullOrEmpty(category) ? null : Guid.ParseExact(category, "N"),
            document.Get(TitleField),
            document.Get(SlugField),
            Enum.Parse<ArticleStatus>(document.Get(StatusField)),
            snippet,
            score);
    }

    private List<string> Analyze(string text)
    {
        var words = new List<string>();
        using var stream = _analyzer.GetTokenStream(TextField, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }

        stream.End();
        return words.Distinct().ToList();
    }

    private static Document ToDocument(ArticleSearchDocument article) =>
    [
        new StringField(IdField, Key(article.ArticleId), Field.Store.YES),
        new StringField(KnowledgeBaseField, Key(article.KnowledgeBaseId), Field.Store.YES),
        new StringField(CategoryField, article.CategoryId is { } c ? Key(c) : "", Field.Store.YES),
        new StringField(StatusField, article.Status.ToString(), Field.Store.YES),
        new TextField(TitleField, article.Title, Field.Store.YES),
        new StringField(TitleKeyField, TitleKey(article.Title), Field.Store.NO),
        new StoredField(SlugField, article.Slug),
        new TextField(TextField, article.Text, Field.Store.YES),
    ];

    private static string TitleKey(string title) =>
        string.Join(' ', title.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Key(Guid id) => id.ToString("N");
}
