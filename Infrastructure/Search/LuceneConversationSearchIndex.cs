using System.Net;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Conversations.Infrastructure.Search;

/// <summary>
/// A Lucene index of one property's conversations: a document per message (text, author, whisper mark) and one per
/// conversation (title, email, tags). Queries use Lucene's syntax over those fields, every word required by default; the
/// inbox filters are applied per conversation while collecting, through an ordinal kept in doc values.
/// Not thread-safe: one owner calls it at a time.
/// </summary>
public sealed class LuceneConversationSearchIndex : IConversationSearchIndex
{
    public const int SnippetLength = 160;

    /// <summary>Highlighting re-analyses the text: only the first 10,000 characters of a long message are looked at.</summary>
    public const int SnippetSourceLength = 10_000;

    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string ConversationField = "cid";
    private const string HeadField = "hid";
    internal const string OrdinalField = "ord";
    private const string SequenceField = "seq";
    private const string WhisperField = "w";
    private const string TextField = "text";
    private const string AuthorField = "author";
    private const string TitleField = "title";
    private const string EmailField = "email";
    private const string TagsField = "tags";

    private static readonly string[] SearchedFields = [TextField, TitleField, EmailField, TagsField, AuthorField];

    private static readonly Dictionary<string, float> Boosts = new()
    {
        [TitleField] = 3f, [EmailField] = 2f, [TagsField] = 2f, [TextField] = 1f, [AuthorField] = 0.5f,
    };

    private readonly LuceneDirectory _directory;
    private readonly Action? _onDispose;
    private readonly Analyzer _analyzer = new StandardAnalyzer(Version);
    private readonly IndexWriter _writer;
    private readonly Dictionary<Guid, int> _ordinals = [];
    private readonly List<Guid> _byOrdinal = [];
    private DirectoryReader? _reader;
    private bool _changed = true;

    public LuceneConversationSearchIndex(LuceneDirectory directory, Action? onDispose = null)
    {
        _directory = directory;
        _onDispose = onDispose;
        _writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 48 });
    }

    public long MessageCount { get; private set; }

    public long SizeInBytes
    {
        get
        {
            long size = 0;
            foreach (var file in _directory.ListAll())
            {
                try
                {
                    size += _directory.FileLength(file);
                }
                catch (IOException)
                {
                    // Merged away while we counted.
                }
            }

            return size;
        }
    }

    public void UpsertConversation(SearchedConversationFields fields)
    {
        var key = Key(fields.ConversationId);
        Document document =
        [
            new StringField(ConversationField, key, Field.Store.YES),
            new StringField(HeadField, key, Field.Store.NO),
            new NumericDocValuesField(OrdinalField, Ordinal(fields.ConversationId)),
            new StoredField(SequenceField, 0L),
            new TextField(TitleField, fields.Title, Field.Store.YES),
            new TextField(EmailField, fields.Email ?? "", Field.Store.YES),
            new TextField(TagsField, string.Join(' ', fields.Tags), Field.Store.YES),
        ];
        _writer.UpdateDocument(new Term(HeadField, key), document);
        _changed = true;
    }

    public void AddMessage(Guid conversationId, ConversationMessage message)
    {
        Document document =
        [
            new StringField(ConversationField, Key(conversationId), Field.Store.YES),
            new NumericDocValuesField(OrdinalField, Ordinal(conversationId)),
            new StoredField(SequenceField, message.Sequence),
            new TextField(TextField, message.Text, Field.Store.YES),
            new TextField(AuthorField, message.AuthorName, Field.Store.NO),
        ];
        if (message.IsInternal)
        {
            document.Add(new StringField(WhisperField, "1", Field.Store.YES));
        }

        _writer.AddDocument(document);
        MessageCount++;
        _changed = true;
    }

    public void RemoveConversation(Guid conversationId)
    {
        _writer.DeleteDocuments(new Term(ConversationField, Key(conversationId)));
        _changed = true;
    }

    public void Clear()
    {
        _writer.DeleteAll();
        _ordinals.Clear();
        _byOrdinal.Clear();
        MessageCount = 0;
        _changed = true;
    }

    public SearchIndexResult Search(string text, bool includeWhispers, Func<Guid, bool> accept, int offset, int limit)
    {
        var query = Parse(text);
        Query run = query;
        if (!includeWhispers)
        {
            run = new BooleanQuery { { query, Occur.MUST }, { new TermQuery(new Term(WhisperField, "1")), Occur.MUST_NOT } };
        }

        var searcher = new IndexSearcher(Reader());
        var top = TopScoreDocCollector.Create(offset + limit, docsScoredInOrder: true);
        try
        {
            searcher.Search(run, new AcceptedConversationsCollector(top, OrdinalAccepter(accept)));
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            throw new SearchQueryException("The query expands to too many terms; use longer prefixes or fewer wildcards.");
        }

        var highlighter = Highlighter(query);
        var hits = top.GetTopDocs(offset, limit).ScoreDocs.Select(hit => ToHit(searcher.Doc(hit.Doc), hit.Score, highlighter)).ToList();
        return new SearchIndexResult(hits, top.TotalHits);
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
        _onDispose?.Invoke();
    }

    private Query Parse(string text)
    {
        var parser = new MultiFieldQueryParser(Version, SearchedFields, _analyzer, Boosts)
        {
            DefaultOperator = Operator.AND,
            AllowLeadingWildcard = false,
        };
        try
        {
            return parser.Parse(text);
        }
        catch (ParseException ex)
        {
            throw new SearchQueryException($"The search text is not a valid query: {FirstLine(ex.Message)}");
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            throw new SearchQueryException("The query has too many terms.");
        }
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }

    /// <summary>Asks once per conversation and query: a conversation's messages share its answer.</summary>
    private Func<long, bool> OrdinalAccepter(Func<Guid, bool> accept)
    {
        var answers = new sbyte[_byOrdinal.Count];
        return ordinal =>
        {
            if (ordinal < 0 || ordinal >= answers.Length)
            {
                return false;
            }

            ref var answer = ref answers[ordinal];
            if (answer == 0)
            {
                answer = accept(_byOrdinal[(int)ordinal]) ? (sbyte)1 : (sbyte)-1;
            }

            return answer > 0;
        };
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

    private Highlighter Highlighter(Query query)
    {
        var scorer = new QueryScorer(query);
        return new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, SnippetLength),
            MaxDocCharsToAnalyze = SnippetSourceLength,
        };
    }

    private SearchIndexHit ToHit(Document document, float score, Highlighter highlighter)
    {
        var sequence = document.GetField(SequenceField).GetInt64Value() ?? 0;
        var text = sequence == 0
            ? string.Join(" · ", new[] { document.Get(TitleField), document.Get(EmailField), document.Get(TagsField) }.Where(s => !string.IsNullOrEmpty(s)))
            : document.Get(TextField) ?? "";
        string? snippet;
        try
        {
            snippet = highlighter.GetBestFragment(_analyzer, TextField, text);
        }
        catch (InvalidTokenOffsetsException)
        {
            snippet = null;
        }

        snippet ??= WebUtility.HtmlEncode(text.Length <= SnippetLength ? text : text[..SnippetLength] + "…");
        return new SearchIndexHit(Guid.ParseExact(document.Get(ConversationField), "N"), sequence, document.Get(WhisperField) == "1", snippet, score);
    }

    private int Ordinal(Guid conversationId)
    {
        if (!_ordinals.TryGetValue(conversationId, out var ordinal))
        {
            ordinal = _byOrdinal.Count;
            _byOrdinal.Add(conversationId);
            _ordinals[conversationId] = ordinal;
        }

        return ordinal;
    }

    private static string Key(Guid id) => id.ToString("N");
}
