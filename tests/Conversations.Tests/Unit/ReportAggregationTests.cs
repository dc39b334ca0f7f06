using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Reports;
using Conversations.Grains.Interfaces.Sla;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Reports;

namespace Conversations.Tests.Unit;

/// <summary>RPT-1: report cards, their contributions to days, and the histogram the percentiles come from.</summary>
[Trait("Spec", "RPT-1")]
public sealed class ReportAggregationTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 23, 30, 0, TimeSpan.Zero);
    private const string P = "p1";

    [Fact]
    public void RPT1_histogram_quantiles_stay_within_the_stated_error_of_the_exact_ones()
    {
        var random = new Random(7);
        var samples = Enumerable.Range(0, 20_000).Select(_ => Math.Exp(random.NextDouble() * 12)).Order().ToArray();
        var histogram = new DurationHistogram();
        foreach (var s in samples)
        {
            histogram.Add(TimeSpan.FromSeconds(s));
        }

        foreach (var q in new[] { 0.5, 0.9, 0.99 })
        {
            var exact = samples[(int)Math.Ceiling(q * samples.Length) - 1];
            var estimate = histogram.Quantile(q)!.Value;
            Assert.InRange(Math.Abs(estimate - exact) / exact, 0, DurationHistogram.MaxRelativeError + 0.001);
        }

        Assert.InRange(DurationHistogram.MaxRelativeError, 0.04, 0.045);
    }

    [Fact]
    public void RPT1_histograms_merge_exactly_and_a_negative_delta_takes_counts_back_out()
    {
        var a = new DurationHistogram();
        var b = new DurationHistogram();
        a.Add(TimeSpan.FromSeconds(30));
        b.Add(TimeSpan.FromSeconds(30));
        b.Add(TimeSpan.FromHours(2));
        a.Merge(b);
        Assert.Equal(3, a.Count);
        a.Merge(b, sign: -1);
        Assert.Equal(1, a.Count);
        Assert.Single(a.Buckets);
        Assert.Null(new DurationHistogram().Quantile(0.5));
    }

    [Fact]
    public void RPT1_a_chat_counts_once_its_visitor_writes_with_first_response_on_its_start_day()
    {
        var id = Guid.NewGuid();
        var card = Apply(null,
            new ChatStarted(P, id, 1, Start, "v", "V"),
            Message(id, 2, Start.AddMinutes(1), AuthorKind.Visitor));
        var whisperFirst = Apply(card, Message(id, 3, Start.AddMinutes(2), AuthorKind.Agent, isInternal: true));
        Assert.Null(whisperFirst.FirstResponseAt);
        card = Apply(whisperFirst, Message(id, 4, Start.AddMinutes(3), AuthorKind.Agent, author: "a1"));

        var days = ReportContribution.Of(card);
        var day = Assert.Single(days);
        Assert.Equal(new DateOnly(2026, 3, 10), day.Key);
        var all = day.Value.Slices[ReportSlices.All];
        Assert.Equal(1, all.Chats);
        Assert.Equal(1, all.ByHour[23]);
        Assert.Equal(180, all.FirstResponse.Quantile(0.5)!.Value, 180 * DurationHistogram.MaxRelativeError);
        Assert.Equal(1, day.Value.Slices[ReportSlices.Agent("a1")].Chats);

        var silent = Apply(null, new ChatStarted(P, Guid.NewGuid(), 1, Start, "v", "V"));
        Assert.Empty(ReportContribution.Of(silent));
    }

    [Fact]
    public void RPT1_a_chat_closed_without_an_agent_reply_is_missed_and_resolved_on_its_close_day()
    {
        var id = Guid.NewGuid();
        var card = Apply(null,
            new ChatStarted(P, id, 1, Start, "v", "V"),
            Message(id, 2, Start.AddMinutes(1), AuthorKind.Visitor),
            new ChatClosed(P, id, 3, Start.AddHours(2)));

        var days = ReportContribution.Of(card);
        Assert.Equal(1, days[new DateOnly(2026, 3, 10)].Slices[ReportSlices.All].Missed);
        var closeDay = days[new DateOnly(2026, 3, 11)].Slices[ReportSlices.All];
        Assert.Equal(1, closeDay.Resolved);
        Assert.Equal(0, closeDay.Chats);
    }

    [Fact]
    public void RPT1_reassigning_moves_the_conversation_between_agents_and_departments_and_reopening_takes_the_resolution_back()
    {
        var id = Guid.NewGuid();
        var created = Apply(null, new TicketCreated(P, id, 1, Start, "s", new TicketRequester(null, null, "r@example.com"), TicketPriority.Medium, null));
        var toDepartment = Apply(created, new ConversationAssigned(P, id, 2, Start, new ConversationAssignee(AssigneeKind.Department, "d1")));
        var toAgent = Apply(toDepartment, new ConversationAssigned(P, id, 3, Start, new ConversationAssignee(AssigneeKind.Agent, "a2")));
        var closed = Apply(toAgent, new TicketStatusChanged(P, id, 4, Start.AddDays(2), TicketStatus.Closed));

        var delta = ReportContribution.Delta(toDepartment, toAgent);
        var slices = Assert.Single(delta).Value.Slices;
        Assert.Equal(1, slices[ReportSlices.Agent("a2")].Tickets);
        Assert.False(slices.ContainsKey(ReportSlices.All));
        Assert.False(slices.ContainsKey(ReportSlices.Department("d1")));

        var reopened = Apply(closed, new TicketStatusChanged(P, id, 5, Start.AddDays(3), TicketStatus.Open));
        var undo = ReportContribution.Delta(closed, reopened);
        Assert.Equal(-1, Assert.Single(undo).Value.Slices[ReportSlices.All].Resolved);
    }

    [Fact]
    public void RPT1_trash_spam_and_purge_take_a_conversation_out_and_restore_brings_it_back()
    {
        var id = Guid.NewGuid();
        var rated = Apply(null,
            new ChatStarted(P, id, 1, Start, "v", "V"),
            Message(id, 2, Start, AuthorKind.Visitor),
            new ChatRated(P, id, 3, Start.AddHours(1), new ChatRating(ChatRatingValue.Good, null, Start.AddHours(1))));
        Assert.Equal(1, ReportContribution.Of(rated)[new DateOnly(2026, 3, 11)].Slices[ReportSlices.All].RatingsGood);

        var spam = Apply(rated, new BinChanged(P, id, 4, Start, BinState.Spam));
        Assert.Empty(ReportContribution.Of(spam));
        var restored = Apply(spam, new BinChanged(P, id, 5, Start, BinState.Inbox));
        Assert.Empty(ReportContribution.Delta(rated, restored));
        var purged = Apply(restored, new BinChanged(P, id, 6, Start, BinState.Purged));
        var removal = ReportContribution.Delta(restored, purged);
        Assert.Equal(-1, removal[new DateOnly(2026, 3, 10)].Slices[ReportSlices.All].Chats);
    }

    [Fact]
    public void RPT1_day_parts_add_up_and_empty_slices_vanish()
    {
        var id = Guid.NewGuid();
        var card = Apply(null, new ChatStarted(P, id, 1, Start, "v", "V"), Message(id, 2, Start, AuthorKind.Visitor));
        var part = new ReportDayPart();
        var contribution = ReportContribution.Of(card).Single().Value;
        part.Merge(contribution);
        part.Merge(contribution);
        Assert.Equal(2, part.Slices[ReportSlices.All].Chats);
        part.Merge(contribution, -1);
        part.Merge(contribution, -1);
        Assert.Empty(part.Slices);
        Assert.Equal("20260310:a:b", ReportDayKeys.Of("a:b", new DateOnly(2026, 3, 10)));
        Assert.Equal((new DateOnly(2026, 3, 10), "a:b"), ReportDayKeys.Parse("20260310:a:b"));
    }

    [Fact, Trait("Spec", "MRG-1")]
    public void RPT1_the_close_that_seals_a_merge_is_no_resolution_and_a_chat_merged_unanswered_is_not_missed()
    {
        var id = Guid.NewGuid();
        var created = Apply(null, new TicketCreated(P, id, 1, Start, "s", new TicketRequester(null, null, "r@example.com"), TicketPriority.Medium, null));
        var sealedByMerge = Apply(created, new TicketStatusChanged(P, id, 2, Start.AddHours(1), TicketStatus.Closed) { ByMerge = true },
            new ConversationMerged(P, id, 3, Start.AddHours(1), Guid.NewGuid()));
        Assert.Null(sealedByMerge.ResolvedAt);
        Assert.Empty(ReportContribution.Delta(created, sealedByMerge));

        // Either order of the sealing events (or a close from before the flag existed) ends the same.
        var mergedFirst = Apply(created, new ConversationMerged(P, id, 2, Start, Guid.NewGuid()), new TicketStatusChanged(P, id, 3, Start, TicketStatus.Closed));
        Assert.Null(mergedFirst.ResolvedAt);

        var chatId = Guid.NewGuid();
        var chat = Apply(null, new ChatStarted(P, chatId, 1, Start, "v", "V"), Message(chatId, 2, Start, AuthorKind.Visitor),
            new ChatClosed(P, chatId, 3, Start.AddMinutes(5)) { ByMerge = true });
        Assert.False(chat.Missed);
        Assert.Equal(0, ReportContribution.Of(chat).Single().Value.Slices[ReportSlices.All].Resolved);
    }

    [Fact, Trait("Spec", "SLA-1")]
    public void RPT1_an_sla_outcome_counts_per_target_on_the_start_day_and_a_later_outcome_replaces_it()
    {
        var id = Guid.NewGuid();
        var card = Apply(null, new ChatStarted(P, id, 1, Start, "v", "V"), Message(id, 2, Start, AuthorKind.Visitor),
            new ConversationAssigned(P, id, 3, Start, new ConversationAssignee(AssigneeKind.Agent, "a1")));
        var first = card with { Sla = new SlaOutcome(id, ConversationKind.Chat, 1, FirstResponse: SlaResult.Breached) };
        var last = card with { Sla = new SlaOutcome(id, ConversationKind.Chat, 3, SlaResult.Breached, NextResponsesMet: 2, Resolution: SlaResult.Met) };

        var agent = ReportContribution.Of(last)[new DateOnly(2026, 3, 10)].Slices[ReportSlices.Agent("a1")];
        Assert.Equal((3L, 1L), (agent.SlaMet, agent.SlaBreached));
        Assert.Equal((0L, 1L, 2L, 0L, 1L, 0L), (agent.FirstResponseSlaMet, agent.FirstResponseSlaBreached, agent.NextResponseSlaMet,
            agent.NextResponseSlaBreached, agent.ResolutionSlaMet, agent.ResolutionSlaBreached));
        var figures = ReportFigures.Of(agent);
        Assert.Equal((0.75, 0.0, 1.0, 1.0), (figures.SlaAttainment, figures.FirstResponseSlaAttainment, figures.NextResponseSlaAttainment, figures.ResolutionSlaAttainment));

        var delta = Assert.Single(ReportContribution.Delta(first, last)).Value.Slices[ReportSlices.All];
        Assert.Equal((3L, 0L), (delta.SlaMet, delta.SlaBreached));
    }

    private static ReportCard Apply(ReportCard? card, params ConversationEvent[] events)
    {
        foreach (var evt in events)
        {
            card = ReportCardRules.Apply(card, evt);
        }

        return card!;
    }

    private static MessagePosted Message(Guid id, long version, DateTimeOffset at, AuthorKind kind, bool isInternal = false, string author = "x") =>
        new(P, id, version, at, new ConversationMessage(version, $"c{version}", kind, author, "N", "hello", isInternal, at));
}
