using Azure.Data.Tables;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Messages;
using Conversations.Infrastructure.Messages;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class ChatLifecycleTests(ClusterFixture fixture)
{
    private readonly string _property = "p-" + Guid.NewGuid().ToString("N")[..8];

    [Fact, Trait("Spec", "CHAT-2")]
    public async Task CHAT2_a_closed_chat_stays_closed_and_takes_no_more_messages()
    {
        var chat = await StartChatAsync();

        var closed = await chat.CloseAsync(_property);
        var again = await chat.CloseAsync(_property);

        Assert.Equal(ChatStatus.Closed, closed.Status);
        Assert.Equal(closed.Version, again.Version);
        var post = await Assert.ThrowsAsync<DomainException>(() => chat.PostMessageAsync(Message("after-close")));
        Assert.Equal(DomainErrorCode.Conflict, post.Code);
        Assert.Contains("new chat", post.Message);
        var whisper = await Assert.ThrowsAsync<DomainException>(() => chat.WhisperAsync(new PostWhisper(_property, "w", "agent-1", "Bo", "psst")));
        Assert.Equal(DomainErrorCode.Conflict, whisper.Code);
        Assert.Equal(ChatStatus.Closed, (await chat.GetAsync(_property)).Status);
    }

    [Fact, Trait("Spec", "CHAT-7")]
    public async Task CHAT7_tags_are_added_normalised_removed_and_bad_ones_refused()
    {
        var chat = await StartChatAsync();

        await chat.ChangeTagsAsync(new ChangeTags(_property, ["  VIP ", "Billing"], null));
        var change = await chat.ChangeTagsAsync(new ChangeTags(_property, ["refund"], ["billing"]));

        Assert.Equal(["vip", "refund"], change.Tags);
        Assert.Equal(["vip", "refund"], (await chat.GetAsync(_property)).Tags);
        var bad = await Assert.ThrowsAsync<DomainException>(() => chat.ChangeTagsAsync(new ChangeTags(_property, [new string('x', 33)], null)));
        Assert.Equal(DomainErrorCode.Invalid, bad.Code);
        var unchanged = await chat.ChangeTagsAsync(new ChangeTags(_property, ["VIP"], null));
        Assert.Equal(change.Version, unchanged.Version);
    }

    [Fact, Trait("Spec", "TIC-4"), Trait("Spec", "ADM-4")]
    public async Task TIC4_a_visitor_resuming_a_chat_does_not_see_its_tags_ticket_or_spam_mark()
    {
        var chat = await StartChatAsync();
        await chat.ChangeTagsAsync(new ChangeTags(_property, ["angry"], null));
        await chat.ConvertToTicketAsync(new ConvertChatToTicket(_property, "ann@example.com", null));
        await chat.MarkSpamAsync(_property);

        var resumed = await chat.StartAsync(new StartChat(_property, "visitor-1", "Ann"));

        Assert.Equal((0, null, BinState.Inbox), (resumed.Tags.Count, resumed.TicketId, resumed.Bin));
        var agentView = await chat.GetAsync(_property);
        Assert.Equal((1, BinState.Spam), (agentView.Tags.Count, agentView.Bin));
        Assert.NotNull(agentView.TicketId);
    }

    [Fact, Trait("Spec", "CHAT-8")]
    public async Task CHAT8_only_the_visitor_rates_and_a_new_rating_replaces_the_old_one()
    {
        var chat = await StartChatAsync();

        var stranger = await Assert.ThrowsAsync<DomainException>(() => chat.RateAsync(new RateChat(_property, "someone-else", ChatRatingValue.Good, null)));
        Assert.Equal(DomainErrorCode.NotFound, stranger.Code);
        await chat.RateAsync(new RateChat(_property, "visitor-1", ChatRatingValue.Bad, "slow"));
        await chat.CloseAsync(_property);
        var rated = await chat.RateAsync(new RateChat(_property, "visitor-1", ChatRatingValue.Good, "  solved in the end \u0007"));

        Assert.Equal((ChatRatingValue.Good, "solved in the end"), (rated.Rating!.Value, rated.Rating.Comment));
        var invalid = await Assert.ThrowsAsync<DomainException>(() => chat.RateAsync(new RateChat(_property, "visitor-1", (ChatRatingValue)9, null)));
        Assert.Equal(DomainErrorCode.Invalid, invalid.Code);
    }

    [Fact, Trait("Spec", "TIC-4")]
    public async Task TIC4_a_whisper_in_a_chat_is_internal_and_its_event_never_reaches_visitors()
    {
        var chatId = Guid.NewGuid();
        await using var events = await EventRecorder.StartAsync(fixture.Client, _property, chatId);
        var chat = await StartChatAsync(chatId);

        var ack = await chat.WhisperAsync(new PostWhisper(_property, "w1", "agent-1", "Bo", "this visitor is a VIP"));
        var retry = await chat.WhisperAsync(new PostWhisper(_property, "w1", "agent-1", "Bo", "this visitor is a VIP"));

        Assert.Equal(ack, retry);
        var message = Assert.Single(await chat.GetMessagesAsync(_property, 0, 10));
        Assert.True(message.IsInternal);
        var posted = Assert.IsType<MessagePosted>(Assert.Single(await events.WaitForAsync(1, e => e is MessagePosted)));
        Assert.False(posted.VisibleToVisitor);
    }

    [Fact, Trait("Spec", "CHAT-1"), Trait("Spec", "INB-4")]
    public async Task CHAT1_an_agent_picks_up_a_chat_it_becomes_assigned_in_the_inbox_and_the_visitor_never_sees_it()
    {
        var chatId = Guid.NewGuid();
        await using var events = await EventRecorder.StartAsync(fixture.Client, _property, chatId);
        var chat = await StartChatAsync(chatId);
        await chat.PostMessageAsync(new PostMessage(_property, "m-1", AuthorKind.Visitor, "visitor-1", "", "Anyone there?")); // in the inbox from here (INB-1)
        var inbox = fixture.Client.GetGrain<IInboxGrain>(_property);

        var agent = (await PropertyTeam.NewAgentAsync(fixture.Client, _property)).Id.ToString();
        var department = (await PropertyTeam.NewDepartmentAsync(fixture.Client, _property)).ToString();

        var picked = await chat.AssignAsync(new AssignConversation(_property, AssigneeKind.Agent, agent));
        var again = await chat.AssignAsync(new AssignConversation(_property, AssigneeKind.Agent, agent.ToUpperInvariant()));

        Assert.Equal(new ConversationAssignee(AssigneeKind.Agent, agent), picked.Assignee);
        Assert.Equal(picked.Version, again.Version);
        var row = Assert.Single((await inbox.QueryAsync(new InboxQuery(Assignee: agent))).Rows);
        Assert.Equal((chatId, AssigneeKind.Agent, agent), (row.Id, row.AssigneeKind, row.AssigneeId));
        var assigned = Assert.IsType<ConversationAssigned>(Assert.Single(await events.WaitForAsync(1, e => e is ConversationAssigned)));
        Assert.False(assigned.VisibleToVisitor);
        Assert.Null((await chat.StartAsync(new StartChat(_property, "visitor-1", "Ann"))).Assignee);

        await chat.AssignAsync(new AssignConversation(_property, AssigneeKind.Department, department));
        Assert.Empty((await inbox.QueryAsync(new InboxQuery(Assignee: agent))).Rows);
        Assert.Null((await chat.AssignAsync(new AssignConversation(_property, AssigneeKind.None, null))).Assignee);
        var malformed = await Assert.ThrowsAsync<DomainException>(() => chat.AssignAsync(new AssignConversation(_property, AssigneeKind.None, agent)));
        var stranger = await Assert.ThrowsAsync<DomainException>(() => chat.AssignAsync(new AssignConversation("another-property", AssigneeKind.Agent, agent)));
        Assert.Equal((DomainErrorCode.Invalid, DomainErrorCode.NotFound), (malformed.Code, stranger.Code));
    }

    [Fact, Trait("Spec", "X-1")]
    public async Task X1_a_ticket_retry_writes_back_an_acknowledged_message_whose_row_an_unacknowledged_write_replaced()
    {
        var ticketId = Guid.NewGuid();
        var ticket = fixture.Client.GetGrain<ITicketGrain>(ticketId);
        await ticket.CreateAsync(new CreateTicket(_property, "Order 42", new TicketRequester(null, "Ann", "ann@example.com"), TicketPriority.Low, null));
        var whisper = new PostWhisper(_property, "w1", "agent-1", "Bo", "text of w1");
        var ack = await ticket.WhisperAsync(whisper);
        // What a second activation that had not yet seen the state write of w1 leaves behind (storage applied it late).
        await Store().AppendAsync(ticketId, new ConversationMessage(ack.Sequence, "never-acknowledged", AuthorKind.Agent, "agent-2", "Cy", "other text", true, DateTimeOffset.UtcNow));

        var retry = await ticket.WhisperAsync(whisper);

        Assert.Equal(ack, retry);
        var stored = (await ticket.GetMessagesAsync(_property, 0, 10)).Single(m => m.Sequence == ack.Sequence);
        Assert.Equal(("w1", "text of w1", ack.At), (stored.CommandId, stored.Text, stored.At));
    }

    [Fact, Trait("Spec", "X-1")]
    public async Task X1_a_chat_message_whose_row_landed_after_its_activation_gave_up_is_kept_and_the_next_one_goes_after_it()
    {
        var chatId = Guid.NewGuid();
        var chat = await StartChatAsync(chatId);
        var first = await chat.PostMessageAsync(Message("m1"));
        // A row committed by an activation that timed out waiting for it (storage applied it late).
        var late = new ConversationMessage(first.Sequence + 1, "late", AuthorKind.Visitor, "visitor-1", "Ann", "text of late", false, DateTimeOffset.UtcNow);
        Assert.True(await Store().TryCommitAsync(chatId, late, first.Version + 1));

        var next = await chat.PostMessageAsync(Message("m3"));
        var retried = await chat.PostMessageAsync(Message("late"));

        Assert.Equal((3L, first.Version + 2), (next.Sequence, next.Version));
        Assert.Equal((2L, first.Version + 1), (retried.Sequence, retried.Version));
        Assert.Equal(["m1", "late", "m3"], (await chat.GetMessagesAsync(_property, 0, 10)).Select(m => m.CommandId));
        Assert.False(await Store().TryCommitAsync(chatId, late with { CommandId = "overwrite", Text = "replaced" }, 99));
        Assert.Equal("text of late", (await chat.GetMessagesAsync(_property, 1, 1)).Single().Text);
    }

    [Fact, Trait("Spec", "X-1")]
    public async Task X1_a_chat_activation_replays_the_message_rows_committed_after_its_last_state_write()
    {
        var chatId = Guid.NewGuid();
        var chat = await StartChatAsync(chatId);
        var first = await chat.PostMessageAsync(Message("m1"));
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        // As an activation that died after committing m2 by its row and before its state write would have left it.
        var m2 = new ConversationMessage(2, "m2", AuthorKind.Visitor, "visitor-1", "Ann", "text of m2", false, first.At.AddSeconds(1));
        Assert.True(await Store().TryCommitAsync(chatId, m2, first.Version + 1));

        var view = await chat.GetAsync(_property);
        var retried = await chat.PostMessageAsync(Message("m2"));

        Assert.Equal((2L, first.Version + 1, m2.At), (view.MessageCount, view.Version, view.UpdatedAt));
        Assert.Equal(new MessageAck(chatId, 2, first.Version + 1, m2.At), retried);
        // The chat's state is written without remembered acknowledgements; the rows give them back.
        Assert.Equal(first, await chat.PostMessageAsync(Message("m1")));
        Assert.Equal(view.Version, (await fixture.Client.GetGrain<IInboxShardGrain>(InboxShards.Key(_property, InboxShards.Of(chatId))).GetAsync(chatId))?.Version);
        Assert.Equal(3L, (await chat.PostMessageAsync(Message("m3"))).Sequence);
    }

    [Fact, Trait("Spec", "BIN-1")]
    public async Task BIN1_trash_then_restore_puts_the_chat_back_exactly_as_it_was()
    {
        var chat = await StartChatAsync();
        await chat.PostMessageAsync(Message("m1"));
        await chat.ChangeTagsAsync(new ChangeTags(_property, ["vip"], null));
        var before = await chat.GetAsync(_property);

        var trashed = await chat.TrashAsync(_property);
        Assert.Equal(BinState.Trashed, trashed.Bin);
        Assert.Equal(BinState.Trashed, (await chat.GetAsync(_property)).Bin);
        var refused = await Assert.ThrowsAsync<DomainException>(() => chat.PostMessageAsync(Message("m2")));
        Assert.Equal(DomainErrorCode.Conflict, refused.Code);

        await chat.RestoreAsync(_property);
        var after = await chat.GetAsync(_property);

        Assert.Equal(before with { Version = after.Version, Tags = after.Tags }, after);
        Assert.Equal(before.Tags, after.Tags);
        Assert.Equal(before.Version + 2, after.Version);
    }

    [Fact, Trait("Spec", "BIN-3")]
    public async Task BIN3_spam_can_be_restored_and_restoring_twice_is_refused()
    {
        var chat = await StartChatAsync();

        Assert.Equal(BinState.Spam, (await chat.MarkSpamAsync(_property)).Bin);
        Assert.Equal(BinState.Inbox, (await chat.RestoreAsync(_property)).Bin);

        var again = await Assert.ThrowsAsync<DomainException>(() => chat.RestoreAsync(_property));
        Assert.Equal(DomainErrorCode.Conflict, again.Code);
        var purge = await Assert.ThrowsAsync<DomainException>(() => chat.PurgeAsync(_property));
        Assert.Equal(DomainErrorCode.Conflict, purge.Code);
    }

    private async Task<IChatGrain> StartChatAsync(Guid? id = null)
    {
        var chat = fixture.Client.GetGrain<IChatGrain>(id ?? Guid.NewGuid());
        await chat.StartAsync(new StartChat(_property, "visitor-1", "Ann"));
        return chat;
    }

    private TableMessageStore Store() => new(new TableServiceClient(fixture.Cluster.Settings.StorageConnectionString), new MessageLogMeter());

    private PostMessage Message(string commandId) => new(_property, commandId, AuthorKind.Visitor, "visitor-1", "Ann", "text of " + commandId);
}
