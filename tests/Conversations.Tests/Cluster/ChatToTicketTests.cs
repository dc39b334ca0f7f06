using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Interfaces.Visitors;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class ChatToTicketTests(ClusterFixture fixture)
{
    private readonly string _property = "p-" + Guid.NewGuid().ToString("N")[..8];

    [Fact, Trait("Spec", "CHAT-3")]
    public async Task CHAT3_converting_creates_one_ticket_with_the_transcript_linked_both_ways()
    {
        var chatId = Guid.NewGuid();
        var chat = fixture.Client.GetGrain<IChatGrain>(chatId);
        await chat.StartAsync(new StartChat(_property, "visitor-1", "Ann"));
        await chat.PostMessageAsync(new PostMessage(_property, "c1", AuthorKind.Visitor, "visitor-1", "Ann", "My invoice is wrong"));
        await chat.PostMessageAsync(new PostMessage(_property, "c2", AuthorKind.Agent, "agent-1", "Bo", "Let me check"));
        await chat.WhisperAsync(new PostWhisper(_property, "w1", "agent-1", "Bo", "billing bug again"));

        var ticket = await chat.ConvertToTicketAsync(new ConvertChatToTicket(_property, "ann@example.com", null));
        var again = await chat.ConvertToTicketAsync(new ConvertChatToTicket(_property, null, "ignored the second time"));

        Assert.Equal(ticket.Id, again.Id);
        Assert.Equal((chatId, "Chat with Ann", "ann@example.com", "visitor-1"),
            (ticket.SourceChatId, ticket.Subject, ticket.Requester.Email, ticket.Requester.VisitorId));
        Assert.Equal(ticket.Id, (await chat.GetAsync(_property)).TicketId);
        var transcript = await fixture.Client.GetGrain<ITicketGrain>(ticket.Id).GetMessagesAsync(_property, 0, 100);
        Assert.Equal(["My invoice is wrong", "Let me check", "billing bug again"], transcript.Select(m => m.Text));
        Assert.Equal([false, false, true], transcript.Select(m => m.IsInternal));

        // The chat carries on; the ticket's copy does not change with it.
        await chat.PostMessageAsync(new PostMessage(_property, "c3", AuthorKind.Visitor, "visitor-1", "Ann", "thanks"));
        Assert.Equal(3, (await fixture.Client.GetGrain<ITicketGrain>(ticket.Id).GetAsync(_property)).MessageCount);
    }

    [Fact, Trait("Spec", "CHAT-3")]
    public async Task CHAT3_the_pre_chat_email_is_on_the_chat_and_the_ticket_keeps_the_chats_assignee_without_asking_again()
    {
        var visitor = fixture.Client.GetGrain<IVisitorGrain>(VisitorKey.For(_property, "visitor-3"));
        await visitor.RecordVisitAsync(new VisitorVisit("198.51.100.3", null, null));
        await visitor.UpdateAboutAsync(new UpdateVisitorAbout("Cy", "cy@example.com", null, null, null, null));
        var chat = fixture.Client.GetGrain<IChatGrain>(Guid.NewGuid());
        var started = await chat.StartAsync(new StartChat(_property, "visitor-3", "Cy"));
        var agent = (await PropertyTeam.NewAgentAsync(fixture.Client, _property)).Id.ToString();
        await chat.AssignAsync(new AssignConversation(_property, AssigneeKind.Agent, agent));

        var ticket = await chat.ConvertToTicketAsync(new ConvertChatToTicket(_property, null, null));

        Assert.Equal("cy@example.com", started.VisitorEmail);
        Assert.Equal(("cy@example.com", AssigneeKind.Agent, agent), (ticket.Requester.Email, ticket.Assignee?.Kind, ticket.Assignee?.Id));
        var inbox = fixture.Client.GetGrain<IInboxGrain>(_property);
        for (var i = 0; i < 50 && !(await inbox.GetAllAsync()).Any(r => r.Id == ticket.Id && r.AssigneeId == agent); i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(await inbox.GetAllAsync(), r => r.Id == ticket.Id && r.AssigneeId == agent);
    }

    [Fact, Trait("Spec", "CHAT-3")]
    public async Task CHAT3_an_email_added_to_the_profile_after_the_chat_started_is_used_by_the_conversion()
    {
        var visitor = fixture.Client.GetGrain<IVisitorGrain>(VisitorKey.For(_property, "visitor-4"));
        await visitor.RecordVisitAsync(new VisitorVisit("198.51.100.4", null, null));
        var chat = fixture.Client.GetGrain<IChatGrain>(Guid.NewGuid());
        Assert.Null((await chat.StartAsync(new StartChat(_property, "visitor-4", null))).VisitorEmail);
        await visitor.UpdateAboutAsync(new UpdateVisitorAbout(null, "dee@example.com", null, null, null, null));

        var ticket = await chat.ConvertToTicketAsync(new ConvertChatToTicket(_property, null, null));

        Assert.Equal("dee@example.com", ticket.Requester.Email);
        Assert.Equal("dee@example.com", (await chat.GetAsync(_property)).VisitorEmail);
    }

    [Fact, Trait("Spec", "CHAT-3")]
    public async Task CHAT3_without_a_known_email_the_conversion_is_refused_with_a_reason()
    {
        var chat = fixture.Client.GetGrain<IChatGrain>(Guid.NewGuid());
        await chat.StartAsync(new StartChat(_property, "visitor-2", null));

        var missing = await Assert.ThrowsAsync<DomainException>(() => chat.ConvertToTicketAsync(new ConvertChatToTicket(_property, null, null)));
        var invalid = await Assert.ThrowsAsync<DomainException>(() => chat.ConvertToTicketAsync(new ConvertChatToTicket(_property, "not-an-email", null)));

        Assert.Equal((DomainErrorCode.Invalid, DomainErrorCode.Invalid), (missing.Code, invalid.Code));
        Assert.Contains("email", missing.Message);
        Assert.Null((await chat.GetAsync(_property)).TicketId);
    }
}
