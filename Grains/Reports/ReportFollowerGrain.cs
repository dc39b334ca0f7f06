using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Reports;
using Conversations.Grains.Interfaces.Sla;
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
        var ticketHint = before?.Kind == ConversationKind.Ticket || evt is TicketCreated or TicketStatusChanged or TicketPriorityChanged;
        var after = inOrder ? ReportCardRules.Apply(before, evt) : await FromSourceAsync(evt.ConversationId, ticketHint, evt.Version, before);
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

        await ApplyToDaysAsync(before, after, ChangeKey(evt.ConversationId, after.Version.ToString(CultureInfo.InvariantCulture)));

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

    public async Task TakeSlaOutcomesAsync(IReadOnlyList<SlaOutcome> outcomes)
    {
        foreach (var outcome in outcomes ?? [])
        {
            try
            {
                await TakeSlaOutcomeAsync(outcome);
            }
            catch
            {
                // Read again from the store on the next try: the days dedupe what was applied before the failure.
                _cache.Remove(outcome.ConversationId);
                throw;
            }
        }
    }

    /// <summary>
    /// Counts a conversation's latest SLA outcome (SLA-1) as a change of its card: the days get new minus old, keyed by the
    /// outcome's sequence. A conversation the reports have not seen yet is read from the source first; one not listed or
    /// purged is counted nowhere.
    /// </summary>
    private async Task TakeSlaOutcomeAsync(SlaOutcome outcome)
    {
        var known = await CardAsync(outcome.ConversationId);
        var before = known ?? await FromSourceAsync(outcome.ConversationId, outcome.Kind == ConversationKind.Ticket, 0, known: null);
        if (before is null || outcome.Sequence <= (before.Sla?.Sequence ?? 0))
        {
            return;
        }

        // A card read from the source is not counted anywhere yet: all of it goes to the days.
        var after = before with { Sla = outcome };
        await ApplyToDaysAsync(known, after, ChangeKey(outcome.ConversationId, "sla" + outcome.Sequence.ToString(CultureInfo.InvariantCulture)));
        await cards.SaveAsync(PropertyId, after);
        Remember(after);
        _applied++;
    }

    private async Task ApplyToDaysAsync(ReportCard? before, ReportCard after, string changeKey)
    {
        foreach (var (day, delta) in ReportContribution.Delta(before, after))
        {
            await GrainFactory.GetGrain<IReportDayGrain>(ReportDayKeys.Of(PropertyId, day)).ApplyAsync(changeKey, delta);
        }
    }

    /// <summary>A day's key for one change: a hash, so the day keeps no conversation id after a purge (BIN-2).</summary>
    private static string ChangeKey(Guid conversationId, string change) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{conversationId:N}:{change}")), 0, 12);

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
    private async Task<ReportCard?> FromSourceAsync(Guid conversationId, bool ticketHint, long version, ReportCard? known)
    {
        IConversationGrain source = ticketHint ? GrainFactory.GetGrain<ITicketGrain>(conversationId) : GrainFactory.GetGrain<IChatGrain>(conversationId);
        if (await source.GetInboxRowAsync() is not { } row)
        {
            return known is null ? null : known with { Version = Math.Max(known.Version, version) };
        }

        if (row.Place == BinState.Purged && known is null)
        {
            return null; // counted nowhere, and no card may be made for it (BIN-2)
        }

        logger.LogInformation("Reports catch up {ConversationId} from v{Known} to v{Version} from the source.", conversationId, known?.Version ?? 0, row.Version);
        var merged = row.MergedIntoId is not null;
        var closed = row.Status == InboxStatus.Closed && !merged;
        var card = new ReportCard(
            row.Id, row.Kind, Math.Max(row.Version, version), row.CreatedAt,
            HasMessages: row.Kind == ConversationKind.Ticket || row.MessageCount > 0,
            AgentId: row.AssigneeKind == AssigneeKind.Agent ? row.AssigneeId : null,
            DepartmentId: row.AssigneeKind == AssigneeKind.Department ? row.AssigneeId : known?.DepartmentId,
            ResolvedAt: closed ? known?.ResolvedAt ?? row.UpdatedAt : null,
            Rating: row.Rating,
            RatedAt: row.Rating == ChatRatingValue.None ? null : known?.RatedAt ?? row.UpdatedAt,
            Excluded: row.Place != BinState.Inbox,
            Sla: known?.Sla,
            Merged: merged);

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
