using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class TicketLifecycleTests(ClusterFixture fixture)
{
    private readonly string _property = "p-" + Guid.NewGuid().ToString("N")[..8];

    [Fact, Trait("Spec", "TIC-1")]
    public async Task TIC1_a_ticket_is_created_once_with_its_first_message_and_a_different_create_is_refused()
    {
        var (ticket, create) = await CreateAsync("My order never arrived");

        var view = await ticket.CreateAsync(create);
        Assert.Equal((TicketStatus.Open, TicketPriority.Medium, 1L, "Order 42"), (view.Status, view.Priority, view.MessageCount, view.Subject));
        Assert.Equal("My order never arrived", Assert.Single(await ticket.GetMessagesAsync(_property, 0, 10)).Text);

        var different = await Assert.ThrowsAsync<DomainException>(() => ticket.CreateAsync(create with { Subject = "Other" }));
        Assert.Equal(DomainErrorCode.Conflict, different.Code);
        var blank = await fixture.Client.GetGrain<ITicketGrain>(Guid.NewGuid()).CreateAsync(create with { Text = "  " });
        Assert.Equal(0, blank.MessageCount);
        var noEmail = await Assert.ThrowsAsync<DomainException>(() => fixture.Client.GetGrain<ITicketGrain>(Guid.NewGuid())
            .CreateAsync(create with { Requester = new TicketRequester(null, "Ann", "") }));
        Assert.Equal(DomainErrorCode.Invalid, noEmail.Code);
        await Assert.ThrowsAsync<DomainException>(() => ticket.GetAsync("another-property"));
    }

    [Fact, Trait("Spec", "TIC-3")]
    public async Task TIC3_send_and_set_status_is_one_reply_and_one_status_change_and_a_retry_repeats_nothing()
    {
        var (ticket, _) = await CreateAsync(null);
        var id = ticket.GetPrimaryKey();
        await using var events = await EventRecorder.StartAsync(fixture.Client, _property, id);
        var before = await ticket.GetAsync(_property);

        var reply = new ReplyToTicket(_property, "send-1", "agent-1", "Bo", "We shipped it again.", TicketStatus.Pending);
        var ack = await ticket.ReplyAsync(reply);
        var retried = await ticket.ReplyAsync(reply);

        Assert.Equal(ack, retried);
        var after = await ticket.GetAsync(_property);
        Assert.Equal((TicketStatus.Pending, 1L, before.Version + 2), (after.Status, after.MessageCount, after.Version));
        Assert.Equal(after.Version, ack.Version);
        var received = await events.WaitForAsync(2, e => e.Version > before.Version);
        Assert.Equal([before.Version + 1, before.Version + 2], received.Select(e => e.Version));
        Assert.IsType<MessagePosted>(received[0]);
        Assert.Equal(TicketStatus.Pending, Assert.IsType<TicketStatusChanged>(received[1]).Status);

        await ticket.ReplyAsync(reply with { CommandId = "send-2", SetStatus = TicketStatus.Closed });
        Assert.Equal((TicketStatus.Closed, 2L), ((await ticket.GetAsync(_property)).Status, (await ticket.GetAsync(_property)).MessageCount));
    }

    [Fact, Trait("Spec", "TIC-3"), Trait("Spec", "X-1")]
    public async Task TIC3_the_same_send_and_close_sent_three_times_at_once_is_one_reply_and_one_close()
    {
        var (ticket, _) = await CreateAsync(null);
        var reply = new ReplyToTicket(_property, "send-once", "agent-1", "Bo", "Closing this.", TicketStatus.Closed);

        var acks = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ticket.ReplyAsync(reply)));

        Assert.Single(acks.Distinct());
        var view = await ticket.GetAsync(_property);
        Assert.Equal((TicketStatus.Closed, 1L, acks[0].Version), (view.Status, view.MessageCount, view.Version));
    }

    [Fact, Trait("Spec", "INB-6")]
    public async Task INB6_every_change_of_a_ticket_publishes_one_event_with_the_next_version()
    {
        var id = Guid.NewGuid();
        await using var events = await EventRecorder.StartAsync(fixture.Client, _property, id);
        var ticket = fixture.Client.GetGrain<ITicketGrain>(id);

        await ticket.CreateAsync(new CreateTicket(_property, "Order 42", new TicketRequester(null, "Ann", "ann@example.com"), TicketPriority.Low, "where is it?"));
        await ticket.ReplyAsync(new ReplyToTicket(_property, "r1", "agent-1", "Bo", "checking", TicketStatus.Pending));
        var agent = (await PropertyTeam.NewAgentAsync(fixture.Client, _property)).Id.ToString();
        await ticket.AssignAsync(new AssignConversation(_property, AssigneeKind.Agent, agent));
        await ticket.AssignAsync(new AssignConversation(_property, AssigneeKind.Agent, agent));
        await ticket.SetPriorityAsync(_property, TicketPriority.High);
        await ticket.ChangeTagsAsync(new ChangeTags(_property, ["shipping"], null));
        await ticket.SetStatusAsync(_property, TicketStatus.Open);
        await ticket.WhisperAsync(new PostWhisper(_property, "w1", "agent-1", "Bo", "carrier lost it"));
        await ticket.MarkSpamAsync(_property);
        await ticket.RestoreAsync(_property);

        var received = await events.WaitForAsync(11, _ => true);
        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i), received.Select(e => e.Version));
        Assert.Equal(
            [typeof(TicketCreated), typeof(MessagePosted), typeof(MessagePosted), typeof(TicketStatusChanged), typeof(ConversationAssigned),
             typeof(TicketPriorityChanged), typeof(TagsChanged), typeof(TicketStatusChanged), typeof(MessagePosted), typeof(BinChanged), typeof(BinChanged)],
            received.Select(e => e.GetType()));
    }

    [Fact, Trait("Spec", "TIC-5")]
    public async Task TIC5_every_way_back_from_closed_is_refused_as_irreversible()
    {
        var (ticket, _) = await CreateAsync(null);
        await ticket.SetStatusAsync(_property, TicketStatus.Pending);
        await ticket.SetStatusAsync(_property, TicketStatus.Open);
        await ticket.SetStatusAsync(_property, TicketStatus.Closed);
        var version = (await ticket.GetAsync(_property)).Version;

        foreach (var status in new[] { TicketStatus.Open, TicketStatus.Pending })
        {
            var error = await Assert.ThrowsAsync<DomainException>(() => ticket.SetStatusAsync(_property, status));
            Assert.Equal(DomainErrorCode.Irreversible, error.Code);
            var viaReply = await Assert.ThrowsAsync<DomainException>(() => ticket.ReplyAsync(
                new ReplyToTicket(_property, "r-" + status, "agent-1", "Bo", "hello", status)));
            Assert.Equal(DomainErrorCode.Irreversible, viaReply.Code);
        }

        var plain = await Assert.ThrowsAsync<DomainException>(() => ticket.ReplyAsync(new ReplyToTicket(_property, "r", "a", "Bo", "hi", null)));
        Assert.Equal(DomainErrorCode.Conflict, plain.Code);
        Assert.Equal(TicketStatus.Closed, (await ticket.SetStatusAsync(_property, TicketStatus.Closed)).Status);

        // Trash and restore keep it closed.
        await ticket.TrashAsync(_property);
        await ticket.RestoreAsync(_property);
        var after = await ticket.GetAsync(_property);
        Assert.Equal((TicketStatus.Closed, 0L, version + 2), (after.Status, after.MessageCount, after.Version));
    }

    [Fact, Trait("Spec", "TIC-6"), Trait("Spec", "TIC-7"), Trait("Spec", "TIC-8")]
    public async Task TIC6_assignee_priority_and_tags_are_kept_and_checked()
    {
        var (ticket, _) = await CreateAsync(null);
        var billing = (await PropertyTeam.NewDepartmentAsync(fixture.Client, _property)).ToString();

        await ticket.AssignAsync(new AssignConversation(_property, AssigneeKind.Department, billing));
        await ticket.SetPriorityAsync(_property, TicketPriority.Highest);
        await ticket.ChangeTagsAsync(new ChangeTags(_property, ["Refund"], null));
        var view = await ticket.GetAsync(_property);

        Assert.Equal(new ConversationAssignee(AssigneeKind.Department, billing), view.Assignee);
        Assert.Equal((TicketPriority.Highest, "refund"), (view.Priority, Assert.Single(view.Tags)));
        Assert.Null((await ticket.AssignAsync(new AssignConversation(_property, AssigneeKind.None, null))).Assignee);

        var badKind = await Assert.ThrowsAsync<DomainException>(() => ticket.AssignAsync(new AssignConversation(_property, (AssigneeKind)7, "x")));
        var emptyId = await Assert.ThrowsAsync<DomainException>(() => ticket.AssignAsync(new AssignConversation(_property, AssigneeKind.Agent, "  ")));
        var unknownDepartment = await Assert.ThrowsAsync<DomainException>(() => ticket.AssignAsync(new AssignConversation(_property, AssigneeKind.Department, "dept-billing")));
        var nonexistentDepartment = await Assert.ThrowsAsync<DomainException>(() => ticket.AssignAsync(new AssignConversation(_property, AssigneeKind.Department, Guid.NewGuid().ToString())));
        var badPriority = await Assert.ThrowsAsync<DomainException>(() => ticket.SetPriorityAsync(_property, (TicketPriority)0));
        Assert.All(new[] { badKind, emptyId, unknownDepartment, nonexistentDepartment, badPriority }, e => Assert.Equal(DomainErrorCode.Invalid, e.Code));
        Assert.Null((await ticket.GetAsync(_property)).Assignee);
    }

    [Fact, Trait("Spec", "TIC-4")]
    public async Task TIC4_a_ticket_whisper_is_internal_and_not_for_visitors()
    {
        var (ticket, _) = await CreateAsync("help");
        var id = ticket.GetPrimaryKey();
        var before = await ticket.GetAsync(_property);
        await using var events = await EventRecorder.StartAsync(fixture.Client, _property, id);

        await ticket.WhisperAsync(new PostWhisper(_property, "w1", "agent-1", "Bo", "refund approved internally"));
        await ticket.PostMessageAsync(new PostMessage(_property, "v1", AuthorKind.Visitor, "visitor-1", "", "any news?"));

        var messages = await ticket.GetMessagesAsync(_property, 0, 10);
        Assert.Equal([false, true, false], messages.Select(m => m.IsInternal));
        Assert.Equal("Ann", messages[2].AuthorName);
        var posted = (await events.WaitForAsync(2, e => e.Version > before.Version)).Cast<MessagePosted>().ToList();
        Assert.Equal([false, true], posted.Select(p => p.VisibleToVisitor));
    }

    private async Task<(ITicketGrain Ticket, CreateTicket Command)> CreateAsync(string? text)
    {
        var ticket = fixture.Client.GetGrain<ITicketGrain>(Guid.NewGuid());
        var create = new CreateTicket(_property, "Order 42", new TicketRequester("visitor-1", "Ann", "ann@example.com"), TicketPriority.Medium, text);
        await ticket.CreateAsync(create);
        return (ticket, create);
    }
}
