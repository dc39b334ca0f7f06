using Conversations.Grains.Common;
using Conversations.Grains.Conversations;
using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Routing;
using Conversations.Grains.Interfaces.Tickets;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Conversations.Grains.Routing;

/// <summary>
/// RTE-1, a follower of committed changes (keyed by the property id): it takes in the property's conversation events and its agents'
/// presence, and assigns waiting conversations round robin to online agents with room. Being the one grain that counts a property's
/// assignments, it decides them one at a time, so chats started on several silos at once never push an agent past a capacity.
/// The event is stored before the delivery is acknowledged (a failed write throws, and the stream delivers it again); an event that
/// skips versions makes the router read the conversation itself. It never holds up a sender: it runs on the stream's delivery.
/// </summary>
[ImplicitStreamSubscription(ConversationsNames.PropertyStreamNamespace)]
[ImplicitStreamSubscription(ConversationsNames.PresenceStreamNamespace)]
public sealed class RoutingGrain(
    [PersistentState("routing", ConversationsNames.GrainStorage)] IPersistentState<RoutingState> state,
    TimeProvider clock,
    ILogger<RoutingGrain> logger) : Grain, IRoutingGrain, IStreamSubscriptionObserver, IRemindable
{
    /// <summary>Open conversations one property's router follows at most (the state stays well under the storage's entity size).</summary>
    public const int MaxFollowed = 5000;

    /// <summary>A chat nobody wrote in for this long is forgotten (a visitor who opened the widget and left).</summary>
    public static readonly TimeSpan SilentChatLifetime = TimeSpan.FromHours(1);

    /// <summary>Places beyond this one are sent to the visitor only when they first join the queue.</summary>
    public const int LivePlaces = 100;

    private static readonly TimeSpan DepartmentCacheLifetime = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    private readonly HashSet<Guid> _online = [];
    private readonly Dictionary<Guid, (DateTimeOffset At, HashSet<Guid>? Members)> _departments = [];
    private readonly Dictionary<Guid, int> _sentPlaces = [];
    private IGrainTimer? _wake;
    private KeptReminder? _reminder;
    private bool _retrySoon;

    private RoutingState Routing => state.State;

    private string PropertyId => this.GetPrimaryKeyString();

    private DateTimeOffset Now => clock.GetUtcNow();

    private KeptReminder Reminder => _reminder ??= new KeptReminder(this, "routing", logger);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _online.UnionWith(await GrainFactory.GetGrain<IPropertyGrain>(PropertyId).GetOnlineAgentsAsync());

        if (Routing.Settings.Enabled)
        {
            Schedule();
        }
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        if (handleFactory.StreamId.GetNamespace() == ConversationsNames.PresenceStreamNamespace)
        {
            await handleFactory.Create<AgentPresenceChanged>().ResumeAsync((evt, _) => OnPresenceAsync(evt));
        }
        else
        {
            await handleFactory.Create<ConversationEvent>().ResumeAsync((evt, _) => OnConversationEventAsync(evt));
        }
    }

    public async Task<RoutingView> GetAsync()
    {
        var members = await GrainFactory.GetGrain<IPropertyGrain>(PropertyId).GetMembersAsync();
        var loads = Loads();
        var agents = members.Select(m =>
        {
            var load = loads.GetValueOrDefault(m.AgentId);
            return new AgentLoad(m.AgentId, _online.Contains(m.AgentId), load.Chats, Capacity(m.AgentId, ConversationKind.Chat), load.Tickets, Capacity(m.AgentId, ConversationKind.Ticket));
        }).OrderBy(a => a.AgentId).ToList();
        return new RoutingView(Routing.Settings, agents, Routing.Conversations.Values.Count(c => c.Stage == RoutingStage.Waiting));
    }

    public async Task<RoutingView> SetSettingsAsync(RoutingSettings settings)
    {
        await GrainFactory.GetGrain<IPropertyGrain>(PropertyId).GetAsync();
        var checkedSettings = RoutingRules.Check(settings);
        var departments = await GrainFactory.GetGrain<IPropertyGrain>(PropertyId).GetDepartmentsAsync();
        if (checkedSettings.ManualDepartments.FirstOrDefault(d => !departments.Contains(d)) is var stranger && stranger != Guid.Empty)
        {
            throw DomainException.Invalid($"Department {stranger} is not a department of this property.");
        }

        var wasEnabled = Routing.Settings.Enabled;
        Routing.Settings = checkedSettings;
        if (wasEnabled && !checkedSettings.Enabled)
        {
            // Off means humans assign everything; what was followed is dropped, and whoever waited no longer waits in a queue.
            foreach (var id in Routing.Conversations.Keys)
            {
                _sentPlaces[id] = -1;
            }

            Routing.Conversations.Clear();
        }

        // A department made manual takes its waiting conversations out of routing.
        foreach (var id in Routing.Conversations.Where(c => c.Value.Department is { } d && checkedSettings.ManualDepartments.Contains(d)).Select(c => c.Key).ToList())
        {
            Finish(id);
        }

        await this.PersistAsync(state.WriteStateAsync);
        await RouteAsync();
        return await GetAsync();
    }

    public async Task<RoutingView> SetCapacityAsync(Guid agentId, int? chats, int? tickets)
    {
        if (await GrainFactory.GetGrain<IAgentGrain>(agentId).GetRoleAsync(PropertyId) is null)
        {
            throw DomainException.Invalid("The agent is not an agent of this property.");
        }

        if (chats is null && tickets is null)
        {
            Routing.Capacities.Remove(agentId);
        }
        else
        {
            Routing.Capacities[agentId] = new AgentCapacity(
                agentId,
                RoutingRules.Capacity(chats ?? Routing.Settings.DefaultChatCapacity, "A chat capacity"),
                RoutingRules.Capacity(tickets ?? Routing.Settings.DefaultTicketCapacity, "A ticket capacity"));
        }

        await this.PersistAsync(state.WriteStateAsync);
        await RouteAsync();
        return await GetAsync();
    }

    public Task<int> GetQueuePlaceAsync(Guid conversationId) => Task.FromResult(Places().GetValueOrDefault(conversationId));

    public Task ReceiveReminder(string reminderName, TickStatus status) => Reminder.Is(reminderName) ? RouteAsync() : Task.CompletedTask;

    private async Task OnPresenceAsync(AgentPresenceChanged evt)
    {
        var changed = evt.Presence == AgentPresence.Online ? _online.Add(evt.AgentId) : _online.Remove(evt.AgentId);
        if (changed && evt.Presence == AgentPresence.Online && Routing.Settings.Enabled)
        {
            await RouteAsync();
        }
    }

    /// <summary>
    /// Takes the event in and routes, then stores both in one write (a failed write throws: the stream delivers the event again, to a
    /// fresh activation, and an assignment made meanwhile comes back as its own event).
    /// </summary>
    private async Task OnConversationEventAsync(ConversationEvent evt)
    {
        if (Routing.Settings.Enabled && await ApplyAsync(evt))
        {
            await RouteAsync(taken: true);
        }
    }

    private async Task<bool> ApplyAsync(ConversationEvent evt)
    {
        if (!Routing.Conversations.TryGetValue(evt.ConversationId, out var conversation))
        {
            return evt switch
            {
                _ when Routing.RecentlyFinished.Contains(evt.ConversationId) || Routing.Conversations.Count >= MaxFollowed => false,
                ChatStarted => Follow(evt, ConversationKind.Chat, RoutingStage.Started),
                TicketCreated ticket => Follow(evt, ConversationKind.Ticket, RoutingStage.Waiting) && await FromChatAsync(ticket),
                _ => false,
            };
        }

        if (evt.Version <= conversation.Version)
        {
            return false;
        }

        if (evt.Version > conversation.Version + 1)
        {
            // Something was missed (an event lost, or taken in without being stored before a crash): the conversation says where it is.
            return await ReconcileAsync(evt.ConversationId, conversation);
        }

        conversation.Version = evt.Version;
        switch (evt)
        {
            case MessagePosted { Message.IsInternal: false } posted when posted.Message.AuthorKind == AuthorKind.Visitor && conversation.Stage == RoutingStage.Started:
                Enqueue(conversation);
                return true;
            case MessagePosted { Message.IsInternal: false } posted when posted.Message.AuthorKind == AuthorKind.Agent && conversation.Stage == RoutingStage.Assigned && !conversation.Answered:
                conversation.Answered = true;
                return true;
            case ConversationAssigned assigned:
                return Reassigned(evt.ConversationId, conversation, assigned.Assignee, evt.At);
            case ChatClosed:
            case TicketStatusChanged { Status: TicketStatus.Closed }:
            case BinChanged { Bin: not BinState.Inbox }:
                Finish(evt.ConversationId);
                return true;
            default:
                return false;
        }
    }

    private bool Follow(ConversationEvent evt, ConversationKind kind, RoutingStage stage)
    {
        var conversation = new RoutedConversation { Kind = kind, Stage = stage, Version = evt.Version, StartedAt = evt.At };
        if (stage == RoutingStage.Waiting)
        {
            conversation.QueueNumber = Routing.NextQueueNumber++;
        }

        Routing.Conversations[evt.ConversationId] = conversation;
        return true;
    }

    /// <summary>A ticket made from a chat starts with the chat's assignee, which its creation event does not carry.</summary>
    private async Task<bool> FromChatAsync(TicketCreated ticket)
    {
        if (ticket.SourceChatId is not null)
        {
            await ReconcileAsync(ticket.ConversationId, Routing.Conversations[ticket.ConversationId]);
        }

        return true;
    }

    private void Enqueue(RoutedConversation conversation)
    {
        RoutingTransitions.Move(conversation, RoutingStage.Waiting);
        if (conversation.QueueNumber == 0)
        {
            conversation.QueueNumber = Routing.NextQueueNumber++;
        }

        conversation.Agent = null;
        conversation.AssignedAt = null;
    }

    /// <summary>An assignment made by anyone (the router's own comes back this way too).</summary>
    private bool Reassigned(Guid id, RoutedConversation conversation, ConversationAssignee? assignee, DateTimeOffset at)
    {
        switch (assignee)
        {
            case null when conversation.Stage == RoutingStage.Assigned:
                conversation.Department = null;
                Enqueue(conversation);
                return true;
            case { Kind: AssigneeKind.Agent } agent when Guid.TryParse(agent.Id, out var agentId):
                if (conversation.Stage == RoutingStage.Assigned && conversation.Agent == agentId)
                {
                    return false;
                }

                RoutingTransitions.Move(conversation, RoutingStage.Assigned);
                conversation.Agent = agentId;
                conversation.AssignedAt = at;
                conversation.Answered = false;
                return true;
            case { Kind: AssigneeKind.Department } department when Guid.TryParse(department.Id, out var departmentId):
                if (Routing.Settings.ManualDepartments.Contains(departmentId))
                {
                    Finish(id);
                    return true;
                }

                conversation.Department = departmentId;
                if (conversation.Stage != RoutingStage.Started)
                {
                    Enqueue(conversation);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads the conversation and takes in where it stands: open or not, and who has it.</summary>
    private async Task<bool> ReconcileAsync(Guid id, RoutedConversation conversation)
    {
        (bool Open, ConversationAssignee? Assignee, long Version) now;
        try
        {
            if (conversation.Kind == ConversationKind.Chat)
            {
                var chat = await GrainFactory.GetGrain<IChatGrain>(id).GetAsync(PropertyId);
                now = (chat.Status == ChatStatus.Open && chat.Bin == BinState.Inbox, chat.Assignee, chat.Version);
            }
            else
            {
                var ticket = await GrainFactory.GetGrain<ITicketGrain>(id).GetAsync(PropertyId);
                now = (ticket.Status != TicketStatus.Closed && ticket.Bin == BinState.Inbox, ticket.Assignee, ticket.Version);
            }
        }
        catch (DomainException ex) when (ex.Code == DomainErrorCode.NotFound)
        {
            now = (false, null, conversation.Version);
        }

        conversation.Version = Math.Max(conversation.Version, now.Version);
        if (!now.Open)
        {
            Finish(id);
            return true;
        }

        Reassigned(id, conversation, now.Assignee, Now);
        return true;
    }

    private void Finish(Guid id)
    {
        if (Routing.Conversations.Remove(id))
        {
            RecentIds.Add(Routing.RecentlyFinished, id);
        }
    }

    /// <summary>
    /// Gives waiting conversations (oldest first) to agents with room, passes on chats left unanswered too long, forgets silent chats,
    /// then tells waiting visitors their places and sets the next wake-up. A failed assignment leaves the conversation waiting.
    /// </summary>
    private async Task RouteAsync(bool taken = false)
    {
        if (!Routing.Settings.Enabled)
        {
            await SendPlacesAsync();
            Schedule();
            return;
        }

        var changed = ForgetSilentChats() | taken;
        var loads = Loads();
        var now = Now;
        var reassignAfter = TimeSpan.FromSeconds(Routing.Settings.ReassignAfterSeconds);
        var due = Routing.Conversations
            .Where(c => c.Value.Stage == RoutingStage.Waiting
                || (reassignAfter > TimeSpan.Zero && c.Value is { Stage: RoutingStage.Assigned, Kind: ConversationKind.Chat, Answered: false } && c.Value.AssignedAt + reassignAfter <= now))
            .OrderBy(c => c.Value.Stage == RoutingStage.Waiting ? 1 : 0)
            .ThenBy(c => c.Value.QueueNumber)
            .ToList();

        _retrySoon = false;
        foreach (var (id, conversation) in due)
        {
            var candidates = await CandidatesAsync(conversation);
            var key = conversation.Department?.ToString() ?? "";
            var avoid = conversation.Stage == RoutingStage.Assigned ? conversation.Agent : conversation.PassedOver;
            var agent = RoundRobin.Next(candidates, Routing.LastAssigned.GetValueOrDefault(key), a => HasRoom(a, conversation.Kind, loads), avoid);
            if (agent is not { } chosen || chosen == conversation.Agent)
            {
                if (conversation.Stage == RoutingStage.Assigned)
                {
                    // Nobody else has room: it stays, and is looked at again after another wait.
                    conversation.AssignedAt = now;
                    changed = true;
                }

                continue;
            }

            if (!await AssignAsync(id, conversation, chosen))
            {
                changed = true;
                continue;
            }

            if (conversation.Agent is { } previous)
            {
                conversation.PassedOver = previous;
                Count(loads, previous, conversation.Kind, -1);
            }

            RoutingTransitions.Move(conversation, RoutingStage.Assigned);
            conversation.Agent = chosen;
            conversation.AssignedAt = Now;
            conversation.Answered = false;
            Count(loads, chosen, conversation.Kind, +1);
            Routing.LastAssigned[key] = chosen;
            changed = true;
        }

        if (changed)
        {
            await this.PersistAsync(state.WriteStateAsync);
        }

        await SendPlacesAsync();
        Schedule();
    }

    /// <summary>Assigns the conversation through its own grain (its rules and event); false when it can no longer be routed.</summary>
    private async Task<bool> AssignAsync(Guid id, RoutedConversation conversation, Guid agent)
    {
        var command = new AssignConversation(PropertyId, AssigneeKind.Agent, agent.ToString());
        try
        {
            var open = !(await GrainFactory.GetConversation(conversation.Kind, id).AssignAsync(command)).Closed;
            if (!open)
            {
                Finish(id);
            }

            return open;
        }
        catch (DomainException ex)
        {
            // Trashed, purged or gone meanwhile: its own event says so too, but there is no point in trying it again.
            logger.LogInformation("Routing {ConversationId} to {AgentId} was refused: {Reason}", id, agent, ex.Message);
            Finish(id);
            return false;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Routing {ConversationId} to {AgentId} failed; it keeps waiting.", id, agent);
            _retrySoon = true;
            return false;
        }
    }

    /// <summary>The online agents who may take the conversation: the members of its department, or anyone of the property.</summary>
    private async Task<IEnumerable<Guid>> CandidatesAsync(RoutedConversation conversation)
    {
        if (conversation.Department is not { } department)
        {
            return _online;
        }

        if (!_departments.TryGetValue(department, out var cached) || cached.At + DepartmentCacheLifetime < Now)
        {
            try
            {
                var view = await GrainFactory.GetGrain<Interfaces.Departments.IDepartmentGrain>(department).GetAsync(PropertyId);
                cached = (Now, [.. view.Members]);
            }
            catch (DomainException ex) when (ex.Code == DomainErrorCode.NotFound)
            {
                cached = (Now, null);
            }

            _departments[department] = cached;
        }

        // A department deleted meanwhile: anyone of the property may take it.
        return cached.Members is { } members ? _online.Where(members.Contains) : _online;
    }

    private bool ForgetSilentChats()
    {
        var silent = Routing.Conversations.Where(c => c.Value.Stage == RoutingStage.Started && c.Value.StartedAt + SilentChatLifetime < Now).Select(c => c.Key).ToList();
        silent.ForEach(Finish);
        return silent.Count > 0;
    }

    private bool HasRoom(Guid agent, ConversationKind kind, Dictionary<Guid, (int Chats, int Tickets)> loads)
    {
        var load = loads.GetValueOrDefault(agent);
        return (kind == ConversationKind.Chat ? load.Chats : load.Tickets) < Capacity(agent, kind);
    }

    private int Capacity(Guid agent, ConversationKind kind) => Routing.Capacities.TryGetValue(agent, out var own)
        ? kind == ConversationKind.Chat ? own.Chats : own.Tickets
        : kind == ConversationKind.Chat ? Routing.Settings.DefaultChatCapacity : Routing.Settings.DefaultTicketCapacity;

    private Dictionary<Guid, (int Chats, int Tickets)> Loads()
    {
        var loads = new Dictionary<Guid, (int Chats, int Tickets)>();
        foreach (var conversation in Routing.Conversations.Values)
        {
            if (conversation is { Stage: RoutingStage.Assigned, Agent: { } agent })
            {
                Count(loads, agent, conversation.Kind, +1);
            }
        }

        return loads;
    }

    private static void Count(Dictionary<Guid, (int Chats, int Tickets)> loads, Guid agent, ConversationKind kind, int by)
    {
        var load = loads.GetValueOrDefault(agent);
        loads[agent] = kind == ConversationKind.Chat ? (load.Chats + by, load.Tickets) : (load.Chats, load.Tickets + by);
    }

    /// <summary>Each waiting chat's place among the chats waiting for the same department (1 = next).</summary>
    private Dictionary<Guid, int> Places() => Routing.Conversations
        .Where(c => c.Value is { Stage: RoutingStage.Waiting, Kind: ConversationKind.Chat })
        .GroupBy(c => c.Value.Department)
        .SelectMany(g => g.OrderBy(c => c.Value.QueueNumber).Select((c, i) => (c.Key, Place: i + 1)))
        .ToDictionary(p => p.Key, p => p.Place);

    /// <summary>Tells each waiting visitor whose place changed (and each who stopped waiting) where they are; a lost notice is repaired by the next.</summary>
    private async Task SendPlacesAsync()
    {
        var places = Places();
        var notices = new List<QueuePlace>();
        foreach (var (id, place) in places)
        {
            var sent = _sentPlaces.GetValueOrDefault(id);
            if (sent != place && (place <= LivePlaces || sent == 0))
            {
                notices.Add(new QueuePlace(id, place));
            }
        }

        notices.AddRange(_sentPlaces.Keys.Where(id => !places.ContainsKey(id)).Select(id => new QueuePlace(id, 0)));
        if (notices.Count == 0)
        {
            return;
        }

        // A queue message per 256 places (well under a queue message's 64 KB): the property's visitors' web nodes pass each to its chat.
        var stream = this.GetStreamProvider(ConversationsNames.StreamProvider).GetStream<QueuePlace>(StreamTopics.VisitorQueue(PropertyId));
        foreach (var chunk in notices.Chunk(256))
        {
            try
            {
                await stream.OnNextBatchAsync(chunk);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Telling {Count} waiting chat(s) their queue place failed; the next change tells them again.", chunk.Length);
                continue;
            }

            foreach (var notice in chunk)
            {
                if (notice.Place == 0)
                {
                    _sentPlaces.Remove(notice.ConversationId);
                }
                else
                {
                    _sentPlaces[notice.ConversationId] = notice.Place;
                }
            }
        }
    }

    /// <summary>
    /// Wakes the router when the first unanswered chat is due to be passed on (a timer while active), and keeps a reminder while
    /// any is, so that the deadline is kept after the router's silo goes away. Waiting conversations whose assignment failed are retried soon.
    /// </summary>
    private void Schedule()
    {
        _wake?.Dispose();
        _wake = null;
        var reassignAfter = TimeSpan.FromSeconds(Routing.Settings.ReassignAfterSeconds);
        var deadlines = Routing.Settings.Enabled && reassignAfter > TimeSpan.Zero
            ? Routing.Conversations.Values
                .Where(c => c is { Stage: RoutingStage.Assigned, Kind: ConversationKind.Chat, Answered: false, AssignedAt: not null })
                .Select(c => c.AssignedAt!.Value + reassignAfter)
                .ToList()
            : [];
        var waiting = Routing.Settings.Enabled && Routing.Conversations.Values.Any(c => c.Stage is RoutingStage.Waiting or RoutingStage.Started);
        DateTimeOffset? next = deadlines.Count > 0 ? deadlines.Min() : null;
        if (_retrySoon)
        {
            next = next is { } at && at < Now + RetryAfterFailure ? at : Now + RetryAfterFailure;
        }

        if (next is { } wakeAt)
        {
            var dueIn = wakeAt - Now;
            _wake = this.RegisterGrainTimer(_ => RouteAsync(), new GrainTimerCreationOptions(dueIn < TimeSpan.Zero ? TimeSpan.Zero : dueIn, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }

        _ = Reminder.KeepAsync(deadlines.Count > 0 || waiting);
    }
}
