using Conversations.Grains.Conversations;
using Conversations.Grains.Interfaces.Chats;
using Orleans.Concurrency;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Inbox;

/// <summary>
/// A property's inbox: no state of its own; asks every shard for the keys of its best rows, merges them, then
/// reads just the rows of the merged page from their shards (INB-2..4); runs bulk actions item by item (INB-5).
/// Reentrant because it holds nothing: a query waiting for its shards does not hold up the next one.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class InboxGrain : Grain, IInboxGrain
{
    public const int MaxBulkItems = 200;

    private string PropertyId => this.GetPrimaryKeyString();

    public async Task<InboxPage> QueryAsync(InboxQuery query)
    {
        query = Checked(query);
        var shardPages = await Task.WhenAll(Shards().Select(s => s.QueryKeysAsync(query)));
        var keys = InboxPages.Merge(query, shardPages);
        var sent = shardPages.SelectMany(p => p.LeadingRows ?? []).ToDictionary(r => r.Id);
        var missing = await Task.WhenAll(keys.Keys.Where(k => !sent.ContainsKey(k.Id)).GroupBy(k => InboxShards.Of(k.Id)).Select(shard =>
            GrainFactory.GetGrain<IInboxShardGrain>(InboxShards.Key(PropertyId, shard.Key)).GetRowsAsync(shard.Select(k => k.Id).ToList())));
        var page = InboxPages.Assemble(keys, sent.Values.Concat(missing.SelectMany(r => r)));
        return page with { Rows = page.Rows.Select(r => r with { PropertyId = PropertyId }).ToList() };
    }

    /// <summary>
    /// The query as the shards can answer it, whichever way it came (REST parses text, the agent hub passes it as
    /// sent): known view, sort and statuses, a page size in range, and tag filters normalized like tags themselves.
    /// </summary>
    private static InboxQuery Checked(InboxQuery? query)
    {
        if (query is null)
        {
            throw DomainException.Invalid("An inbox query is required.");
        }

        if (query.Limit is < 1 or > InboxQuery.MaxLimit)
        {
            throw DomainException.Invalid($"A page holds 1 to {InboxQuery.MaxLimit} rows.");
        }

        if (query.MinMessages < 0)
        {
            throw DomainException.Invalid("A minimum message count cannot be negative.");
        }

        if (!Enum.IsDefined(query.View) || !Enum.IsDefined(query.Sort) || query.Statuses?.Any(s => !Enum.IsDefined(s)) == true)
        {
            throw DomainException.Invalid("Unknown view, sort or status: views are all, chats, tickets, trash and spam; sorts updated and priority; statuses open, pending and closed.");
        }

        if (query.Tags is { } tags && (tags.Count > TagRules.MaxTags || tags.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > TagRules.MaxLength)))
        {
            throw DomainException.Invalid($"Filter by at most {TagRules.MaxTags} tags of 1 to {TagRules.MaxLength} characters.");
        }

        return query with { Tags = query.Tags?.Select(t => t.Trim().ToLowerInvariant()).ToList() };
    }

    public async Task<IReadOnlyList<BulkItemResult>> BulkAsync(BulkAction action, IReadOnlyList<Guid> ids)
    {
        if (!Enum.IsDefined(action))
        {
            throw DomainException.Invalid("A bulk action is close, trash, restore, purge or spam.");
        }

        if (ids is not { Count: > 0 and <= MaxBulkItems })
        {
            throw DomainException.Invalid($"Select 1 to {MaxBulkItems} conversations.");
        }

        var results = new List<BulkItemResult>(ids.Count);
        foreach (var id in ids.Distinct())
        {
            results.Add(await ApplyAsync(action, id));
        }

        return results;
    }

    public async Task<IReadOnlyList<InboxRow>> GetAllAsync() =>
        (await Task.WhenAll(Shards().Select(s => s.GetAllAsync()))).SelectMany(rows => rows).ToList();

    private async Task<BulkItemResult> ApplyAsync(BulkAction action, Guid id)
    {
        try
        {
            var row = await GrainFactory.GetGrain<IInboxShardGrain>(InboxShards.Key(PropertyId, InboxShards.Of(id))).GetAsync(id);
            if (row is null || row.Place == BinState.Purged)
            {
                throw DomainException.NotFound("The conversation");
            }

            var conversation = GrainFactory.GetConversation(row.Kind, id);
            await (action switch
            {
                BulkAction.Close when conversation is IChatGrain chat => chat.CloseAsync(PropertyId),
                BulkAction.Close => ((ITicketGrain)conversation).SetStatusAsync(PropertyId, TicketStatus.Closed),
                BulkAction.Trash => conversation.TrashAsync(PropertyId),
                BulkAction.Spam => conversation.MarkSpamAsync(PropertyId),
                BulkAction.Restore => conversation.RestoreAsync(PropertyId),
                _ => conversation.PurgeAsync(PropertyId),
            });
            return new BulkItemResult(id, true);
        }
        catch (DomainException refused)
        {
            return new BulkItemResult(id, false, refused.Code, refused.Message);
        }
        catch (UnavailableException notNow)
        {
            // Not a refusal: the item can be retried (a purge whose cleanup is still owed, emails waiting for an outbox).
            return new BulkItemResult(id, false, null, notNow.Message);
        }
    }

    private IEnumerable<IInboxShardGrain> Shards() =>
        InboxShards.Keys(PropertyId).Select(key => GrainFactory.GetGrain<IInboxShardGrain>(key));
}
