using System.Security.Cryptography;
using System.Text;
using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Email;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Reports;
using Conversations.Grains.Interfaces.Sla;
using Conversations.Grains.Interfaces.Tickets;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Conversations.Grains.Sla;

/// <summary>
/// SLA-1, a follower of committed changes (keyed by the property id): keeps each open conversation's due times in business time,
/// pauses them while a ticket is pending, stops them at close, and announces a breach to the assignee (live, and by email through
/// an outbox of the property's own). A timer wakes it at the next due time; a reminder keeps that after its silo goes away.
/// Events are stored before their delivery is acknowledged, and an event that skips versions makes it read the conversation.
/// </summary>
[ImplicitStreamSubscription(ConversationsNames.PropertyStreamNamespace)]
public sealed class SlaGrain(
    [PersistentState("sla", ConversationsNames.GrainStorage)] IPersistentState<SlaState> state,
    TimeProvider clock,
    ILogger<SlaGrain> logger) : Grain, ISlaGrain, IStreamSubscriptionObserver, IRemindable
{
    public const int MaxClocks = 5000;
    public const int MaxListed = 1000;
    private static readonly TimeSpan SilentChatLifetime = TimeSpan.FromHours(1);

    /// <summary>Outcomes handed to the reports in one call.</summary>
    public const int MaxOutcomesPerCall = 500;

    private static readonly TimeSpan OutcomeRetryDelay = TimeSpan.FromSeconds(30);

    private BusinessCalendar? _calendar;
    private IGrainTimer? _wake;
    private IGrainTimer? _retryOutcomes;
    private KeptReminder? _reminder;

    private SlaState Sla => state.State;

    private string PropertyId => this.GetPrimaryKeyString();

    private DateTimeOffset Now => clock.GetUtcNow();

    private KeptReminder Reminder => _reminder ??= new KeptReminder(this, "sla", logger);

    private BusinessCalendar Calendar => _calendar ??= new BusinessCalendar(Sla.Settings.Hours);

    /// <summary>The outbox breach emails of a property go through: one per property, keyed by a fixed id made from the property's.</summary>
    public static Guid OutboxId(string propertyId) => new(MD5.HashData(Encoding.UTF8.GetBytes("sla-outbox:" + propertyId)));

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Sla.Settings.Enabled || Sla.OutcomesOwed.Count > 0)
        {
            Schedule();
        }

        if (Sla.OutcomesOwed.Count > 0)
        {
            RetryOutcomesSoon();
        }

        return Task.CompletedTask;
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<ConversationEvent>().ResumeAsync((evt, _) => OnConversationEventAsync(evt));

    public Task<SlaSettings> GetSettingsAsync() => Task.FromResult(Sla.Settings);

    public async Task<SlaSettings> SetSettingsAsync(SlaSettings settings)
    {
        await GrainFactory.GetGrain<IPropertyGrain>(PropertyId).GetAsync();
        var checkedSettings = SlaRules.Check(settings);
        var previous = Sla.Settings;
        Sla.Settings = checkedSettings;
        _calendar = null;
        if (!checkedSettings.Enabled)
        {
            Sla.Clocks.Clear();
        }
        else if (previous.Enabled)
        {
            // New hours or targets apply to the running clocks from now on.
            foreach (var entry in Sla.Clocks.Values)
            {
                Recompute(entry);
            }
        }

        await this.PersistAsync(state.WriteStateAsync);
        Schedule();
        return Sla.Settings;
    }

    public Task<SlaStatus?> GetAsync(Guid conversationId) =>
        Task.FromResult(Sla.Clocks.TryGetValue(conversationId, out var entry) && entry.StartedAt is not null ? Status(conversationId, entry) : null);

    public Task<IReadOnlyList<SlaStatus>> GetManyAsync(IReadOnlyList<Guid> conversationIds)
    {
        IReadOnlyList<SlaStatus> found = Sla.Settings.Enabled
            ? (conversationIds ?? []).Take(MaxListed).Where(id => Sla.Clocks.TryGetValue(id, out var c) && c.StartedAt is not null).Select(id => Status(id, Sla.Clocks[id])).ToList()
            : [];
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<SlaStatus>> ListAsync(SlaFilter filter, int max)
    {
        var now = Now;
        var soon = now + TimeSpan.FromMinutes(Sla.Settings.BreachingSoonMinutes);
        IReadOnlyList<SlaStatus> list = Sla.Clocks
            .Where(c => c.Value.StartedAt is not null)
            .Select(c => Status(c.Key, c.Value))
            .Where(s => s.DueAt is not null || s.Breached)
            .Where(s => filter switch
            {
                SlaFilter.Breached => s.Breached,
                SlaFilter.BreachingSoon => !s.Breached && s.DueAt <= soon,
                _ => true,
            })
            .OrderBy(s => s.DueAt ?? DateTimeOffset.MinValue)
            .Take(Math.Clamp(max, 1, MaxListed))
            .ToList();
        return Task.FromResult(list);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Reminder.Is(reminderName) ? AnnounceBreachesAsync() : Task.CompletedTask;

    private async Task OnConversationEventAsync(ConversationEvent evt)
    {
        if (!Sla.Settings.Enabled)
        {
            return;
        }

        if (await ApplyAsync(evt))
        {
            await this.PersistAsync(state.WriteStateAsync);
            Schedule();
            await HandOverOutcomesAsync();
        }
    }

    private async Task<bool> ApplyAsync(ConversationEvent evt)
    {
        if (!Sla.Clocks.TryGetValue(evt.ConversationId, out var entry))
        {
            if (Sla.RecentlyFinished.Contains(evt.ConversationId) || Sla.Clocks.Count >= MaxClocks)
            {
                return false;
            }

            switch (evt)
            {
                case ChatStarted:
                    Sla.Clocks[evt.ConversationId] = new SlaClock { Kind = ConversationKind.Chat, Version = evt.Version, OpenedAt = evt.At };
                    ForgetSilentChats();
                    return true;
                case TicketCreated created:
                    var ticket = new SlaClock { Kind = ConversationKind.Ticket, Priority = created.Priority, Version = evt.Version };
                    Start(ticket, evt.At);
                    Sla.Clocks[evt.ConversationId] = ticket;
                    return true;
                default:
                    return false;
            }
        }

        if (evt.Version <= entry.Version)
        {
            return false;
        }

        if (evt.Version > entry.Version + 1)
        {
            return await ReconcileAsync(evt.ConversationId, entry);
        }

        entry.Version = evt.Version;
        switch (evt)
        {
            case MessagePosted { Message.IsInternal: false } posted when posted.Message.AuthorKind == AuthorKind.Visitor:
                if (entry.StartedAt is null)
                {
                    Start(entry, evt.At);
                }
                else if (entry.Responded && entry.AwaitingSince is null)
                {
                    // While pending the reply waits too, but its clock starts when the ticket is open again (in the same write, TIC-5).
                    entry.AwaitingSince = evt.At;
                    entry.MarkAnnounced(SlaTarget.NextResponse, false);
                    entry.NextResponseDue = entry.Paused ? null : Due(evt.At, Policy(entry).NextResponseMinutes);
                }

                return true;
            case MessagePosted { Message.IsInternal: false } posted when posted.Message.AuthorKind == AuthorKind.Agent && entry.StartedAt is not null:
                DecideReply(evt.ConversationId, entry, evt.At);
                entry.Responded = true;
                entry.FirstResponseDue = null;
                entry.AwaitingSince = null;
                entry.NextResponseDue = null;
                return true;
            case ConversationAssigned assigned:
                entry.Agent = assigned.Assignee is { Kind: AssigneeKind.Agent } agent && Guid.TryParse(agent.Id, out var id) ? id : null;
                return true;
            case TicketPriorityChanged changed:
                entry.Priority = changed.Priority;
                Recompute(entry);
                return true;
            case TicketStatusChanged { Status: TicketStatus.Pending }:
                Pause(entry, evt.At);
                return true;
            case TicketStatusChanged { Status: TicketStatus.Open }:
                Resume(entry, evt.At);
                return true;
            case ChatClosed { ByMerge: false }:
            case TicketStatusChanged { Status: TicketStatus.Closed, ByMerge: false }:
                DecideClose(evt.ConversationId, entry, evt.At);
                Finish(evt.ConversationId);
                return true;
            case ChatClosed:
            case TicketStatusChanged { Status: TicketStatus.Closed }:
            case ConversationMerged:
            case BinChanged { Bin: not BinState.Inbox }:
                // Merged (MRG-1): the survivor carries on and is resolved in its own time; Trash and Spam are not counted.
                Finish(evt.ConversationId);
                return true;
            default:
                return false;
        }
    }

    /// <summary>An agent's reply decides the first response, or the next response the customer waits for, unless its breach was decided already.</summary>
    private void DecideReply(Guid id, SlaClock entry, DateTimeOffset at)
    {
        if (!entry.Responded)
        {
            if (entry.FirstResponseDue is { } due && !entry.WasAnnounced(SlaTarget.FirstResponse))
            {
                Decide(id, entry, o => o with { FirstResponse = at <= due ? SlaResult.Met : SlaResult.Breached });
            }
        }
        else if (entry.AwaitingSince is not null && entry.NextResponseDue is { } due && !entry.WasAnnounced(SlaTarget.NextResponse))
        {
            Decide(id, entry, o => at <= due ? o with { NextResponsesMet = o.NextResponsesMet + 1 } : o with { NextResponsesBreached = o.NextResponsesBreached + 1 });
        }
    }

    /// <summary>
    /// A close decides the resolution (met when closed by its due time, or within the target's business time when closed from
    /// pending) and breaches the responses still awaited past their due times; a response not yet due when it closes counts neither way.
    /// </summary>
    private void DecideClose(Guid id, SlaClock entry, DateTimeOffset at)
    {
        if (entry.StartedAt is null)
        {
            return;
        }

        var policy = Policy(entry);
        if (!entry.WasAnnounced(SlaTarget.Resolution) && policy.ResolutionMinutes is { } minutes)
        {
            var met = entry.ResolutionDue is { } due ? at <= due : entry.ResolutionUsed <= TimeSpan.FromMinutes(minutes);
            Decide(id, entry, o => o with { Resolution = met ? SlaResult.Met : SlaResult.Breached });
        }

        if (!entry.Responded && entry.FirstResponseDue is { } first && first < at && !entry.WasAnnounced(SlaTarget.FirstResponse))
        {
            Decide(id, entry, o => o with { FirstResponse = SlaResult.Breached });
        }

        if (entry.NextResponseDue is { } next && next < at && !entry.WasAnnounced(SlaTarget.NextResponse))
        {
            Decide(id, entry, o => o with { NextResponsesBreached = o.NextResponsesBreached + 1 });
        }
    }

    /// <summary>A breach is decided when it is announced (once per target and wait).</summary>
    private void DecideBreach(Guid id, SlaClock entry, SlaTarget target) =>
        Decide(id, entry, o => target switch
        {
            SlaTarget.FirstResponse => o with { FirstResponse = SlaResult.Breached },
            SlaTarget.NextResponse => o with { NextResponsesBreached = o.NextResponsesBreached + 1 },
            _ => o with { Resolution = SlaResult.Breached },
        });

    /// <summary>Makes the conversation's next outcome and owes it to the reports; the caller writes the state.</summary>
    private void Decide(Guid id, SlaClock entry, Func<SlaOutcome, SlaOutcome> decision)
    {
        var current = entry.Outcome ?? new SlaOutcome(id, entry.Kind, 0);
        var next = decision(current) with { Sequence = current.Sequence + 1 };
        entry.Outcome = next;
        Sla.OutcomesOwed[id] = next;
    }

    /// <summary>
    /// Hands the owed outcomes to the report follower (after they are written); what it confirms is no longer owed. On a failure
    /// they are tried again soon, and by the reminder after a restart.
    /// </summary>
    private async Task HandOverOutcomesAsync()
    {
        if (Sla.OutcomesOwed.Count == 0)
        {
            return;
        }

        var batch = Sla.OutcomesOwed.Values.Take(MaxOutcomesPerCall).ToList();
        try
        {
            await GrainFactory.GetGrain<IReportFollowerGrain>(PropertyId).TakeSlaOutcomesAsync(batch);
            foreach (var outcome in batch)
            {
                if (Sla.OutcomesOwed.TryGetValue(outcome.ConversationId, out var owed) && owed.Sequence == outcome.Sequence)
                {
                    Sla.OutcomesOwed.Remove(outcome.ConversationId);
                }
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Handing {Count} SLA outcomes of {PropertyId} to the reports failed; they are tried again.", batch.Count, PropertyId);
        }

        if (Sla.OutcomesOwed.Count > 0)
        {
            RetryOutcomesSoon();
        }
    }

    private void RetryOutcomesSoon()
    {
        if (_retryOutcomes is not null)
        {
            return;
        }

        _retryOutcomes = this.RegisterGrainTimer(async _ =>
        {
            _retryOutcomes?.Dispose();
            _retryOutcomes = null;
            await HandOverOutcomesAsync();
        }, new GrainTimerCreationOptions(OutcomeRetryDelay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private void Start(SlaClock entry, DateTimeOffset at)
    {
        entry.StartedAt = at;
        entry.RunningSince = at;
        entry.FirstResponseDue = Due(at, Policy(entry).FirstResponseMinutes);
        entry.ResolutionDue = Due(at, Policy(entry).ResolutionMinutes);
    }

    /// <summary>Pending: the customer has the ball, so no response is awaited and the resolution clock stops, keeping what it used.</summary>
    private void Pause(SlaClock entry, DateTimeOffset at)
    {
        if (entry.RunningSince is { } since)
        {
            entry.ResolutionUsed += Calendar.Between(since, at);
        }

        entry.RunningSince = null;
        entry.ResolutionDue = null;
        entry.AwaitingSince = null;
        entry.NextResponseDue = null;
    }

    private void Resume(SlaClock entry, DateTimeOffset at)
    {
        if (entry.StartedAt is null || entry.RunningSince is not null)
        {
            return;
        }

        entry.RunningSince = at;
        entry.ResolutionDue = Remaining(at, Policy(entry).ResolutionMinutes, entry.ResolutionUsed);
        if (entry.AwaitingSince is not null)
        {
            entry.AwaitingSince = at;
            entry.NextResponseDue = Due(at, Policy(entry).NextResponseMinutes);
        }
    }

    /// <summary>After a change of priority or settings: the running targets are measured again from their starts.</summary>
    private void Recompute(SlaClock entry)
    {
        if (entry.StartedAt is not { } started)
        {
            return;
        }

        var policy = Policy(entry);
        entry.FirstResponseDue = entry.Responded ? null : Due(started, policy.FirstResponseMinutes);
        entry.NextResponseDue = entry.AwaitingSince is { } awaiting && !entry.Paused ? Due(awaiting, policy.NextResponseMinutes) : null;
        entry.ResolutionDue = entry.RunningSince is { } running ? Remaining(running, policy.ResolutionMinutes, entry.ResolutionUsed) : null;
    }

    private DateTimeOffset? Due(DateTimeOffset from, int? minutes) =>
        minutes is { } m ? Calendar.Add(from, TimeSpan.FromMinutes(m)) : null;

    private DateTimeOffset? Remaining(DateTimeOffset from, int? minutes, TimeSpan used) =>
        minutes is { } m ? Calendar.Add(from, TimeSpan.FromMinutes(m) - used is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero) : null;

    private SlaPolicy Policy(SlaClock entry) =>
        SlaRules.PolicyFor(Sla.Settings, entry.Kind == ConversationKind.Chat ? TicketPriority.Medium : entry.Priority);

    /// <summary>Reads the conversation after missed events: open or not, its assignee, priority and status.</summary>
    private async Task<bool> ReconcileAsync(Guid id, SlaClock entry)
    {
        try
        {
            if (entry.Kind == ConversationKind.Chat)
            {
                var chat = await GrainFactory.GetGrain<IChatGrain>(id).GetAsync(PropertyId);
                entry.Version = Math.Max(entry.Version, chat.Version);
                if (chat.Status != ChatStatus.Open || chat.Bin != BinState.Inbox)
                {
                    Finish(id);
                    return true;
                }

                entry.Agent = AgentOf(chat.Assignee);
                if (entry.StartedAt is null && chat.MessageCount > 0)
                {
                    Start(entry, chat.UpdatedAt);
                }

                return true;
            }

            var ticket = await GrainFactory.GetGrain<ITicketGrain>(id).GetAsync(PropertyId);
            entry.Version = Math.Max(entry.Version, ticket.Version);
            if (ticket.Status == TicketStatus.Closed || ticket.Bin != BinState.Inbox)
            {
                Finish(id);
                return true;
            }

            entry.Agent = AgentOf(ticket.Assignee);
            entry.Priority = ticket.Priority;
            if (ticket.Status == TicketStatus.Pending)
            {
                Pause(entry, Now);
            }
            else
            {
                Resume(entry, Now);
                Recompute(entry);
            }

            return true;
        }
        catch (DomainException ex) when (ex.Code == DomainErrorCode.NotFound)
        {
            Finish(id);
            return true;
        }
    }

    private static Guid? AgentOf(ConversationAssignee? assignee) =>
        assignee is { Kind: AssigneeKind.Agent } agent && Guid.TryParse(agent.Id, out var id) ? id : null;

    /// <summary>A visitor who opened the widget and never wrote leaves a clock that never starts: it is forgotten after an hour.</summary>
    private void ForgetSilentChats()
    {
        var cutoff = Now - SilentChatLifetime;
        foreach (var id in Sla.Clocks.Where(c => c.Value.StartedAt is null && c.Value.OpenedAt < cutoff).Select(c => c.Key).ToList())
        {
            Finish(id);
        }
    }

    private void Finish(Guid id)
    {
        if (Sla.Clocks.Remove(id))
        {
            RecentIds.Add(Sla.RecentlyFinished, id);
        }
    }

    private SlaStatus Status(Guid id, SlaClock entry)
    {
        var now = Now;
        var dues = entry.Dues().ToList();
        var breached = dues.Any(d => d.Due <= now);
        var next = dues.Count > 0 ? dues.MinBy(d => d.Due) : default((SlaTarget Target, DateTimeOffset Due)?);
        return new SlaStatus(id, entry.Kind, entry.Kind == ConversationKind.Chat ? TicketPriority.Medium : entry.Priority,
            next?.Target, next?.Due, entry.Paused, breached, entry.FirstResponseDue, entry.NextResponseDue, entry.ResolutionDue, entry.Agent);
    }

    /// <summary>Announces every target that came due since the last look (once each), then waits for the next due time.</summary>
    private async Task AnnounceBreachesAsync()
    {
        var now = Now;
        var breaches = Sla.Clocks
            .SelectMany(c => c.Value.Dues().Where(d => d.Due <= now && !c.Value.WasAnnounced(d.Target)).Select(d => (Id: c.Key, Clock: c.Value, d.Target, d.Due)))
            .ToList();
        foreach (var breach in breaches)
        {
            breach.Clock.MarkAnnounced(breach.Target, true);
            DecideBreach(breach.Id, breach.Clock, breach.Target);
        }

        if (breaches.Count > 0)
        {
            await this.PersistAsync(state.WriteStateAsync);
        }

        await HandOverOutcomesAsync();

        var streams = this.GetStreamProvider(ConversationsNames.StreamProvider);
        var emails = new List<EmailIntent>();
        foreach (var breach in breaches)
        {
            try
            {
                await streams.GetStream<SlaBreached>(StreamTopics.Sla(PropertyId)).OnNextAsync(new SlaBreached(PropertyId, breach.Id, breach.Target, breach.Due, breach.Clock.Agent));
                if (breach.Clock.Agent is { } agent)
                {
                    emails.Add(new EmailIntent(++Sla.NoticesSent, EmailKind.SlaBreached, PropertyId, await SubjectAsync(breach.Id, breach.Clock),
                        new TicketRequester("", null, ""), new ConversationAssignee(AssigneeKind.Agent, agent.ToString()), null, null,
                        $"{SlaTargetNames.Of(breach.Target)} was due at {breach.Due:yyyy-MM-dd HH:mm} UTC."));
                }
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Announcing the SLA breach of {ConversationId} failed.", breach.Id);
            }
        }

        if (emails.Count > 0)
        {
            try
            {
                await GrainFactory.GetGrain<IEmailOutboxGrain>(OutboxId(PropertyId)).EnqueueAsync(PropertyId, emails);
                await this.PersistAsync(state.WriteStateAsync);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Emailing {Count} SLA breaches of {PropertyId} failed; the live alerts went out.", emails.Count, PropertyId);
            }
        }

        Schedule();
    }

    private async Task<string> SubjectAsync(Guid id, SlaClock entry)
    {
        try
        {
            return entry.Kind == ConversationKind.Ticket
                ? (await GrainFactory.GetGrain<ITicketGrain>(id).GetAsync(PropertyId)).Subject
                : $"Chat with {(await GrainFactory.GetGrain<IChatGrain>(id).GetAsync(PropertyId)).VisitorName}";
        }
        catch (DomainException)
        {
            return entry.Kind == ConversationKind.Ticket ? "A ticket" : "A chat";
        }
    }

    /// <summary>A timer at the next unannounced due time while active; a reminder while any clock runs, so a due time is kept across silo moves.</summary>
    private void Schedule()
    {
        _wake?.Dispose();
        _wake = null;
        var next = Sla.Settings.Enabled
            ? Sla.Clocks.Values.SelectMany(c => c.Dues().Where(d => !c.WasAnnounced(d.Target)).Select(d => (DateTimeOffset?)d.Due)).Min()
            : null;
        if (next is { } due)
        {
            var dueIn = due - Now;
            _wake = this.RegisterGrainTimer(_ => AnnounceBreachesAsync(),
                new GrainTimerCreationOptions(dueIn < TimeSpan.Zero ? TimeSpan.Zero : dueIn + TimeSpan.FromMilliseconds(50), Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }

        _ = Reminder.KeepAsync(next is not null || Sla.OutcomesOwed.Count > 0);
    }
}
