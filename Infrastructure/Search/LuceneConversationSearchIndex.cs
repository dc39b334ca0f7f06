using System.Net;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Search;
using Conversations.Grains.Search;
using Lucene.Net.Analysis;
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
/// conversation (title, email, tags). Every searched word of a document is in one field (so a word is one posting list,
/// and a conversation's own fields weigh three times a message's through the field's boost), and its adjacent word pairs
/// in another (so an exact phrase is a lookup of its pairs, <see cref="WordPairQueries"/>). Queries use Lucene's syntax,
/// every word required by default; <c>title:</c>, <c>email:</c> and <c>tags:</c> search those fields alone. The
/// inbox filters and the whisper rule are the accepted documents of each segment (through the conversation's ordinal in
/// doc values), so the rest is skipped before scoring. Segments are merged only with their neighbours, so they stay in
/// the order messages came in; a search reads them newest first and ranks at most <see cref="MaxRankedMatches"/> matches,
/// looking at no more candidates than <see cref="MaxExaminedCandidates"/> once it has enough for the deepest page.
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

    /// <summary>
    /// Candidate documents a search looks at before it may stop with enough matches ranked for the deepest page: a query whose
    /// words are common but rarely together, or whose filter lets few through, then costs the same at 10M messages as at 1M.
    /// </summary>
    public const long MaxExaminedCandidates = 25_000;

    /// <summary>Highlighting re-analyses the text: only the first 10,000 characters of a long message are looked at.</summary>
    public const int SnippetSourceLength = 10_000;

    /// <summary>The fields and analysis the index is built with; a snapshot of another schema is rebuilt, not restored.</summary>
    public const int Schema = 2;

    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string ConversationField = "cid";
    private const string HeadField = "hid";
    internal const string OrdinalField = "ord";
    internal const string WhisperValueField = "wv";
    private const string SequenceField = "seq";
    private const string WhisperField = "w";
    private const string MessagesCommitKey = "messages";
    private const string TextField = "text";
    private const string WordField = "words";
    private const string WordPairField = "pairs";
    private const float ConversationFieldsBoost = 3f;
    private const string TitleField = "title";
    private const string EmailField = "email";
    private const string TagsField = "tags";

    /// <summary>
    /// A prefix or wildcard of up to 1,024 words is searched as those words (their postings walked newest first, so the
    /// ranking cap stops it early) rather than as a filter built from every posting of every word before the first match.
    /// </summary>
    private static readonly MultiTermQuery.RewriteMethod PrefixRewrite = new ConstantScoreAutoRewrite { TermCountCutoff = 1024, DocCountPercent = 100 };

    /// <summary>Pairs are only looked up (a longer phrase checks its positions on the word field), so they keep no frequencies, positions or norms.</summary>
    private static readonly FieldType WordPairType = Frozen(new FieldType(Lucene.Net.Documents.TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_ONLY, OmitNorms = true });

    private readonly LuceneDirectory _directory;
    private readonly Action? _onDispose;
    private readonly Analyzer _analyzer = new SearchTextAnalyzer(Version, WordPairField);
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

    /// <summary><see cref="MaxExaminedCandidates"/> but for tests, which show the rule on a small index.</summary>
    internal long ExaminedCandidatesBeforeStopping { get; init; } = MaxExaminedCandidates;

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
        var tags = string.Join(' ', fields.Tags);
        Document document =
        [
            new StringField(ConversationField, key, Field.Store.YES),
            new StringField(HeadField, key, Field.Store.NO),
            new NumericDocValuesField(OrdinalField, _ordinals.Of(fields.ConversationId)),
            new StoredField(SequenceField, 0L),
            new TextField(TitleField, fields.Title, Field.Store.YES),
            new TextField(EmailField, fields.Email ?? "", Field.Store.YES),
            new TextField(TagsField, tags, Field.Store.YES),
        ];
        AddSearched(document, ConversationFieldsBoost, fields.Title, fields.Email ?? "", tags);
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
            new StoredField(TextField, message.Text),
        ];
        AddSearched(document, 1f, message.Text, message.AuthorName);
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

    /// <summary>Waits until the writer's background merges are done (a benchmark's indexing time includes them).</summary>
    public void WaitForMerges() => _writer.WaitForMerges();

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

        using var answers = new ConversationAnswers(_ordinals, accept);
        var searcher = _searchers.Acquire();
        try
        {
            Query expanded;
            Weight weight;
            try
            {
                // Prefixes and wildcards become their words once: the search and the highlighter both use them.
                expanded = searcher.Rewrite(query);
                weight = searcher.CreateNormalizedWeight(WordPairQueries.Rewrite(expanded, WordField, WordPairField));
            }
            catch (BooleanQuery.TooManyClausesException)
            {
                throw new SearchQueryException("The query expands to too many terms; use longer prefixes or fewer wildcards.");
            }

            var top = TopScoreDocCollector.Create(offset + limit, docsScoredInOrder: false);
            var effort = new SearchEffort(MaxRankedMatches, ConversationSearchQuery.MaxOffset + ConversationSearchQuery.MaxLimit, ExaminedCandidatesBeforeStopping);
            var collector = new EffortCountingCollector(top, effort);
            var segments = searcher.IndexReader.Leaves;
            for (var i = segments.Count - 1; i >= 0 && !effort.Stopped; i--)
            {
                var segment = segments[i];
                var scorer = weight.GetBulkScorer(segment, scoreDocsInOrder: false, new AcceptedDocuments(segment.AtomicReader, answers, includeWhispers, effort));
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
                    // Enough matches ranked (SearchEffort).
                }
            }

            var highlighter = Highlighter(expanded);
            var hits = top.GetTopDocs(offset, limit).ScoreDocs.Select(hit => ToHit(searcher.Doc(hit.Doc), hit.Score, highlighter)).ToList();
            return new SearchIndexResult(hits, effort.Ranked, effort.Stopped);
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

    /// <summary>Each value goes into the word field and the pair field; a document's boost is carried by its first value (Lucene multiplies them).</summary>
    private static void AddSearched(Document document, float boost, params string[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            document.Add(new TextField(WordField, values[i], Field.Store.NO) { Boost = i == 0 ? boost : 1f });
            document.Add(new Field(WordPairField, values[i], WordPairType));
        }
    }

    private Query Parse(string text)
    {
        var parser = new QueryParser(Version, WordField, _analyzer)
        {
            DefaultOperator = Operator.AND,
            AllowLeadingWildcard = false,
            MultiTermRewriteMethod = PrefixRewrite,
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

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    private static string Key(Guid id) => id.ToString("N");
}
