using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Email;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Sla;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Sla;
using Conversations.Tests.Infrastructure;
using Orleans.Streams;

namespace Conversations.Tests.Routing;

/// <summary>SLA-1 through the grains on a real silo: due times per priority, pause while pending, stop at close, breach alerts live and by email.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SlaTests(ClusterFixture fixture)
{
    private readonly string _property = "sla-" + Guid.NewGuid().ToString("N")[..8];

    private IClusterClient Client => fixture.Client;

    private ISlaGrain Sla => Client.GetGrain<ISlaGrain>(_property);

    private static SlaSettings AroundTheClock(params SlaPolicy[] policies) => new(true, BusinessHours.AlwaysOpen, policies, 30);

    [Fact, Trait("Spec", "SLA-1")]
    public async Task SLA1_a_ticket_gets_due_times_of_its_priority_that_pause_while_pending_and_stop_at_close()
    {
        var agent = await PropertyTeam.NewAgentAsync(Client, _property);
        await Sla.SetSettingsAsync(AroundTheClock(new SlaPolicy(TicketPriority.High, 45, 60, 480), new SlaPolicy(TicketPriority.Low, 240, null, null)));
        var ticket = Client.GetGrain<ITicketGrain>(Guid.NewGuid());
        var created = await ticket.CreateAsync(new CreateTicket(_property, "Down", new TicketRequester(null, "Ann", "ann@example.com"), TicketPriority.High, "It is down"));

        var status = await Routed.EventuallyAsync(() => Sla.GetAsync(created.Id), s => s is not null, "the ticket's clocks");
        Assert.Equal(created.CreatedAt.AddMinutes(45), status!.FirstResponseDueAt);
        Assert.Equal(created.CreatedAt.AddMinutes(480), status.ResolutionDueAt);
        Assert.Equal((SlaTarget.FirstResponse, false, false), (status.Target!.Value, status.Paused, status.Breached));
        Assert.Contains(await Sla.ListAsync(SlaFilter.All, 100), s => s.ConversationId == created.Id);
        Assert.DoesNotContain(await Sla.ListAsync(SlaFilter.BreachingSoon, 100), s => s.ConversationId == created.Id);

        await ticket.ReplyAsync(new ReplyToTicket(_property, "r1", agent.Id.ToString(), "Agent", "Looking", TicketStatus.Pending));
        status = await Routed.EventuallyAsync(() => Sla.GetAsync(created.Id), s => s!.Paused, "the clocks to pause");
        Assert.Equal((null, null, null), (status!.FirstResponseDueAt, status.NextResponseDueAt, status.ResolutionDueAt));

        await ticket.PostMessageAsync(new PostMessage(_property, "c1", AuthorKind.Visitor, "requester", "Ann", "Still down"));
        status = await Routed.EventuallyAsync(() => Sla.GetAsync(created.Id), s => !s!.Paused, "the requester's reply to restart the clocks");
        Assert.NotNull(status!.ResolutionDueAt);
        Assert.True(status.ResolutionDueAt > created.CreatedAt.AddMinutes(480), "The time spent pending does not count.");

        // A lower priority measures again from the start with its own targets.
        await ticket.SetPriorityAsync(_property, TicketPriority.Low);
        status = await Routed.EventuallyAsync(() => Sla.GetAsync(created.Id), s => s!.Priority == TicketPriority.Low, "the new priority");
        Assert.Null(status!.ResolutionDueAt);

        await ticket.SetStatusAsync(_property, TicketStatus.Closed);
        await Routed.EventuallyAsync(() => Sla.GetAsync(created.Id), s => s is null, "the clocks to stop at close");
    }

    [Fact, Trait("Spec", "SLA-1")]
    public async Task SLA1_a_chat_starts_its_clocks_with_the_visitors_message_and_shows_as_breaching_soon()
    {
        await PropertyTeam.NewAgentAsync(Client, _property);
        await Sla.SetSettingsAsync(AroundTheClock(new SlaPolicy(TicketPriority.Medium, 20, 20, null)));
        var silent = Guid.NewGuid();
        await Client.GetGrain<IChatGrain>(silent).StartAsync(new StartChat(_property, "v-silent", "Quiet"));
        var chat = await Routed.ChatWithMessageAsync(Client, _property);

        var status = await Routed.EventuallyAsync(() => Sla.GetAsync(chat), s => s is not null, "the chat's clocks");
        Assert.Equal(SlaTarget.FirstResponse, status!.Target);
        Assert.Contains(await Sla.ListAsync(SlaFilter.BreachingSoon, 100), s => s.ConversationId == chat);
        Assert.Null(await Sla.GetAsync(silent));

        await Routed.AgentReplyAsync(Client, _property, chat, Guid.NewGuid());
        await Routed.EventuallyAsync(() => Sla.GetAsync(chat), s => s?.DueAt is null, "the first response to stop the clock");
        await Client.GetGrain<IChatGrain>(chat).PostMessageAsync(new PostMessage(_property, "again", AuthorKind.Visitor, "visitor-" + chat.ToString("N")[..8], "", "And?"));
        status = await Routed.EventuallyAsync(() => Sla.GetAsync(chat), s => s?.Target == SlaTarget.NextResponse, "the next response clock");
        Assert.NotNull(status!.NextResponseDueAt);
    }

    [Fact, Trait("Spec", "SLA-1")]
    public async Task SLA1_a_breach_alerts_the_assignee_live_and_by_email()
    {
        var agent = await PropertyTeam.NewAgentAsync(Client, _property);
        await Sla.SetSettingsAsync(AroundTheClock(new SlaPolicy(TicketPriority.Medium, 1, null, null)));
        var alerts = new TaskCompletionSource<SlaBreached>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = await Client.GetStreamProvider(ConversationsNames.StreamProvider).GetStream<SlaBreached>(StreamTopics.Sla(_property))
            .SubscribeAsync((breach, _) =>
            {
                alerts.TrySetResult(breach);
                return Task.CompletedTask;
            });
        try
        {
            var chat = await Routed.ChatWithMessageAsync(Client, _property);
            await Client.GetGrain<IChatGrain>(chat).AssignAsync(new AssignConversation(_property, AssigneeKind.Agent, agent.Id.ToString()));

            var breach = await alerts.Task.WaitAsync(TimeSpan.FromSeconds(90));
            Assert.Equal((chat, SlaTarget.FirstResponse, agent.Id), (breach.ConversationId, breach.Target, breach.AgentId));
            var listed = await Sla.ListAsync(SlaFilter.Breached, 100);
            Assert.Contains(listed, s => s.ConversationId == chat && s.Breached);
            var outbox = await Client.GetGrain<IEmailOutboxGrain>(SlaGrain.OutboxId(_property)).GetAsync();
            var email = Assert.Single(outbox.Pending.Concat(outbox.RecentlySent));
            Assert.Equal((EmailKind.SlaBreached, agent.Email), (email.Kind, email.To));
            Assert.Contains("Chat with Visitor", email.Subject);
            Assert.Equal(("", ""), (email.ReplyTo, email.ThreadRoot)); // the breach outbox is no ticket's: nothing to reply to
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }
    }
}
