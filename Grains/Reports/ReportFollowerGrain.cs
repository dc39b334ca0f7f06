using System.Security.Cryptography;
using System.Text;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Reports;
using Conversations.Grains.Interfaces.Tickets;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Conversations.Grains.Reports;

/// <summary>
/// Keeps a property's report days current from its committed conversation changes (RPT-1). Idempotent by (conversation,
/// version): a card remembers the last version it took in, and a day remembers the change keys it applied. A version gap (a
/// missed event) or a conversation it has no card for is caught up from the source, the conversation's inbox row and message
/// log. Nobody waits for it: the conversation grain has acknowledged and published before this runs.
/// </summary>
[ImplicitStreamSubscription(ConversationsNames.PropertyStreamNamespace)]
public sealed class ReportFollowerGrain(IReportCardStore cards, ILogger<ReportFollowerGrain> logger)
    : Grain, IReportFollowerGrain, IStreamSubscriptionObserver, IAsyncObserver<ConversationEvent>
{
    /// <summary>Cards of recently active conversations kept in memory; the store holds them all.</summary>
    private const int CachedCards = 20_000;

    /// <summary>At most this many messages are read to find a caught-up conversation's first agent reply.</summary>
    private const int MaxMessagesRead = 5_000;

    private readonly Dictionary<Guid, ReportCard> _cache = [];
    private long _applied;

    private string PropertyId => this.GetPrimaryKeyString();

    public Task<long> GetAppliedAsync() => Task.FromResult(_applied);

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<ConversationEvent>().ResumeAsync(this);

    public async Task OnNextAsync(ConversationEvent item, StreamSequenceToken? token = null)
    {
        try
        {
            await FollowAsync(item);
        }
        catch (Exception ex)
        {
            // The next change of this conversation sees the gap and catches up from the source.
            _cache.Remove(item.ConversationId);
            logger.LogWarning(ex, "Reports could not take in v{Version} of {ConversationId}; its next change catches up.", item.Version, item.ConversationId);
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    private async Task FollowAsync(ConversationEvent evt)
    {
        var before = await CardAsync(evt.ConversationId);
        if (before is not null && evt.Version <= before.Version)
        {
            return;
        }

        var inOrder = before is null ? evt is ChatStarted or TicketCreated : evt.Version == before.Version + 1;
        var after = inOrder ? ReportCardRules.Apply(before, evt) : await FromSourceAsync(evt, before);
        if (after is null)
        {
            return;
        }

        var purged = evt is BinChanged { Bin: BinState.Purged };
        if (!purged && before is not null && after with { Version = before.Version } == before)
        {
            // Most changes (a visitor's next message, tags) move nothing a report counts: no write. The stored card keeps its
            // older version, so after a restart the next change looks like a gap and is caught up from the source once.
            Remember(after);
            return;
        }

        foreach (var (day, delta) in ReportContribution.Delta(before, after))
        {
            await GrainFactory.GetGrain<IReportDayGrain>(ReportDayKeys.Of(PropertyId, day))
                .ApplyAsync(ChangeKey(evt.ConversationId, after.Version), delta);
        }

        if (purged)
        {
            // Its contribution is taken out above; a purged conversation leaves no card (BIN-2).
            await cards.DeleteAsync(PropertyId, evt.ConversationId);
            _cache.Remove(evt.ConversationId);
        }
        else
        {
            await cards.SaveAsync(PropertyId, after);
            Remember(after);
        }

        _applied++;
    }

    /// <summary>A day's key for one change: a hash, so the day keeps no conversation id after a purge (BIN-2).</summary>
    private static string ChangeKey(Guid conversationId, long version) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{conversationId:N}:{version}")), 0, 12);

    private async Task<ReportCard?> CardAsync(Guid conversationId)
    {
        if (_cache.TryGetValue(conversationId, out var card))
        {
            return card;
        }

        card = await cards.GetAsync(PropertyId, conversationId);
        if (card is not null)
        {
            Remember(card);
        }

        return card;
    }

    private void Remember(ReportCard card)
    {
        if (_cache.Count >= CachedCards && !_cache.ContainsKey(card.ConversationId))
        {
            _cache.Clear();
        }

        _cache[card.ConversationId] = card;
    }

    /// <summary>
    /// The card as the conversation stands now, from its inbox row and (for the first agent reply) its messages. Times the row
    /// does not keep (when it was resolved or rated) are taken as its last change. Null when the conversation is not listed.
    /// </summary>
    private async Task<ReportCard?> FromSourceAsync(ConversationEvent evt, ReportCard? known)
    {
        var ticketHint = known?.Kind == ConversationKind.Ticket || evt is TicketCreated or TicketStatusChanged or TicketPriorityChanged;
        IConversationGrain source = ticketHint ? GrainFactory.GetGrain<ITicketGrain>(evt.ConversationId) : GrainFactory.GetGrain<IChatGrain>(evt.ConversationId);
        if (await source.GetInboxRowAsync() is not { } row)
        {
            return known is null ? null : known with { Version = evt.Version };
        }

        if (row.Place == BinState.Purged && known is null)
        {
            return null; // counted nowhere, and no card may be made for it (BIN-2)
        }

        logger.LogInformation("Reports catch up {ConversationId} from v{Known} to v{Version} from the source.", evt.ConversationId, known?.Version ?? 0, row.Version);
        var closed = row.Status == InboxStatus.Closed;
        var card = new ReportCard(
            row.Id, row.Kind, Math.Max(row.Version, evt.Version), row.CreatedAt,
            HasMessages: row.Kind == ConversationKind.Ticket || row.MessageCount > 0,
            AgentId: row.AssigneeKind == AssigneeKind.Agent ? row.AssigneeId : null,
            DepartmentId: row.AssigneeKind == AssigneeKind.Department ? row.AssigneeId : known?.DepartmentId,
            ResolvedAt: closed ? known?.ResolvedAt ?? row.UpdatedAt : null,
            Rating: row.Rating,
            RatedAt: row.Rating == ChatRatingValue.None ? null : known?.RatedAt ?? row.UpdatedAt,
            Excluded: row.Place != BinState.Inbox,
            SlaMet: known?.SlaMet);

        if (known?.FirstResponseAt is { } responded)
        {
            return card with { FirstResponseAt = responded, FirstResponderId = known.FirstResponderId };
        }

        return row.Place == BinState.Purged ? card : await WithFirstReplyAsync(source, card);
    }

    private async Task<ReportCard> WithFirstReplyAsync(IConversationGrain source, ReportCard card)
    {
        long after = 0;
        while (after < MaxMessagesRead)
        {
            var page = await source.GetMessagesAsync(PropertyId, after, 1000);
            if (page.FirstOrDefault(m => m.AuthorKind == AuthorKind.Agent && !m.IsInternal) is { } reply)
            {
                return card with { FirstResponseAt = reply.At, FirstResponderId = reply.AuthorId };
            }

            if (page.Count < 1000)
            {
                break;
            }

            after = page[^1].Sequence;
        }

        return card;
    }
}
