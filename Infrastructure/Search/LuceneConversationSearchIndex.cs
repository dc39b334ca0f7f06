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
/// inbox filters and the whisper rule are the accepted documents of each segment (through the conversation's ordinal in
/// doc values), so the rest is skipped before scoring. Segments are merged only with their neighbours, so they stay in
/// the order messages came in; a search reads them newest first and ranks at most <see cref="MaxRankedMatches"/> matches.
/// One writer at a time (the owner); searches from any thread meanwhile, each on a point-in-time searcher.
/// </summary>
public sealed class LuceneConversationSearchIndex : IConversationSearchIndex
{
    public const int SnippetLength = 160;

    /// <summary>
    /// The newest this many matches of a query are ranked, so that a word found in most messages costs the same at any size;
    /// the page then says its total is a lower bound. Far more than anyone pages through (offset ≤ 1,000).
    /// </summary>
    public const int MaxRankedMatches = 20_000;

    /// <summary>Highlighting re-analyses the text: only the first 10,000 characters of a long message are looked at.</summary>
    public const int SnippetSourceLength = 10_000;

    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string ConversationField = "cid";
    private const string HeadField = "hid";
    internal const string OrdinalField = "ord";
    internal const string WhisperValueField = "wv";
    private const string SequenceField = "seq";
    private const string WhisperField = "w";
    private const string MessagesCommitKey = "messages";
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
    private readonly SnapshotDeletionPolicy _commits;
    private readonly SearcherManager _searchers;
    private ConversationOrdinals _ordinals;
    private volatile bool _changed;
    private long _messageCount;

    /// <param name="restoredOrdinals">Given when <paramref name="directory"/> holds a restored commit to go on from; otherwise the index starts empty.</param>
    public LuceneConversationSearchIndex(LuceneDirectory directory, Action? onDispose = null, byte[]? restoredOrdinals = null)
    {
        _directory = directory;
        _onDispose = onDispose;
        var config = new IndexWriterConfig(Version, _analyzer)
        {
            OpenMode = restoredOrdinals is null ? OpenMode.CREATE : OpenMode.APPEND,
            RAMBufferSizeMB = 48,
            MergePolicy = new LogByteSizeMergePolicy(),
            IndexDeletionPolicy = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy()),
        };
        _writer = new IndexWriter(_directory, config);
        _commits = (SnapshotDeletionPolicy)_writer.Config.IndexDeletionPolicy;
        _ordinals = restoredOrdinals is null ? new ConversationOrdinals() : ConversationOrdinals.FromBytes(restoredOrdinals);
        _messageCount = _writer.CommitData.TryGetValue(MessagesCommitKey, out var messages) && long.TryParse(messages, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : 0;
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new SearcherFactory());
    }

    public long MessageCount => Interlocked.Read(ref _messageCount);

    /// <summary>The lineage of this index's files in the snapshot store: names are unique within one.</summary>
    internal Guid Epoch { get; init; }

    /// <summary>Files of this index already in the snapshot store (its snapshots' bookkeeping).</summary>
    internal HashSet<string> UploadedFiles { get; } = [];

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
            new NumericDocValuesField(OrdinalField, _ordinals.Of(fields.ConversationId)),
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
            new NumericDocValuesField(OrdinalField, _ordinals.Of(conversationId)),
            new StoredField(SequenceField, message.Sequence),
            new TextField(TextField, message.Text, Field.Store.YES),
            new TextField(AuthorField, message.AuthorName, Field.Store.NO),
        ];
        if (message.IsInternal)
        {
            document.Add(new StringField(WhisperField, "1", Field.Store.YES));
            document.Add(new NumericDocValuesField(WhisperValueField, 1));
        }

        _writer.AddDocument(document);
        Interlocked.Increment(ref _messageCount);
        _changed = true;
    }

    public void RemoveConversation(Guid conversationId)
    {
        _writer.DeleteDocuments(new Term(ConversationField, Key(conversationId)));
        _ordinals.Remove(conversationId);
        _changed = true;
    }

    public void Clear()
    {
        _writer.DeleteAll();
        _ordinals = new ConversationOrdinals();
        Interlocked.Exchange(ref _messageCount, 0);
        _changed = false;
        _searchers.MaybeRefreshBlocking();
    }

    public void ExpungeDeletes() => _writer.ForceMergeDeletes(doWait: true);

    /// <summary>The folder of a file-system index (where a snapshot's files are read from), else null.</summary>
    internal string? Folder => (_directory as Lucene.Net.Store.FSDirectory)?.Directory.FullName;

    /// <summary>
    /// Commits what was written and holds that commit's files until <see cref="IndexCommitSnapshot.Release"/>, so they can
    /// be copied while writing goes on. Called by the writer.
    /// </summary>
    internal IndexCommitSnapshot Commit()
    {
        _writer.SetCommitData(new Dictionary<string, string> { [MessagesCommitKey] = MessageCount.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        _writer.Commit();
        var commit = _commits.Snapshot();
        return new IndexCommitSnapshot([.. commit.FileNames], commit.Generation, _ordinals.ToBytes(), () =>
        {
            _commits.Release(commit);
            _writer.DeleteUnusedFiles();
        });
    }

    public SearchIndexResult Search(string text, bool includeWhispers, Func<Guid, bool> accept, int offset, int limit)
    {
        var query = Parse(text);
        if (_changed)
        {
            _changed = false;
            _searchers.MaybeRefreshBlocking();
        }

        var answers = new ConversationAnswers(_ordinals, accept);
        var searcher = _searchers.Acquire();
        try
        {
            Weight weight;
            try
            {
                weight = searcher.CreateNormalizedWeight(query);
            }
            catch (BooleanQuery.TooManyClausesException)
            {
                throw new SearchQueryException("The query expands to too many terms; use longer prefixes or fewer wildcards.");
            }

            var top = TopScoreDocCollector.Create(offset + limit, docsScoredInOrder: false);
            var collector = new CappedCollector(top, MaxRankedMatches);
            var segments = searcher.IndexReader.Leaves;
            for (var i = segments.Count - 1; i >= 0 && !collector.Full; i--)
            {
                var segment = segments[i];
                var scorer = weight.GetBulkScorer(segment, scoreDocsInOrder: false, new AcceptedDocuments(segment.AtomicReader, answers, includeWhispers));
                if (scorer is null)
                {
                    continue;
                }

                collector.SetNextReader(segment);
                try
                {
                    scorer.Score(collector);
                }
                catch (CollectionTerminatedException)
                {
                    // Enough matches ranked.
                }
            }

            var highlighter = Highlighter(query);
            var hits = top.GetTopDocs(offset, limit).ScoreDocs.Select(hit => ToHit(searcher.Doc(hit.Doc), hit.Score, highlighter)).ToList();
            return new SearchIndexResult(hits, collector.Count, collector.Full);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
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

    private static string Key(Guid id) => id.ToString("N");
}
