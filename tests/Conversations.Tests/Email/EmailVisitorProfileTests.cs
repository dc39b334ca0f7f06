using System.Net;
using System.Net.Http.Json;
using Conversations.Grains.Email;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Interfaces.Visitors;
using Conversations.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using MimeKit;

namespace Conversations.Tests.Email;

/// <summary>
/// Issue 19: an email requester gets a visitor profile found by their address, so Details (VIS-1) and History (VIS-5) work
/// for email tickets as for chats. Real MIME mail through the silo's SMTP listener, read back over REST as an agent.
/// </summary>
public sealed class EmailVisitorProfileTests(EmailWebCluster fixture) : IClassFixture<EmailWebCluster>
{
    private EmailCluster Email => fixture.Email;

    [Fact, Trait("Spec", "VIS-1"), Trait("Spec", "VIS-5"), Trait("Spec", "TIC-1")]
    public async Task VIS1_VIS5_two_emails_from_one_address_in_any_case_share_one_profile_whose_history_lists_both_tickets()
    {
        var property = await Email.NewPropertyAsync(withSupportAddress: true);
        var support = EmailCluster.SupportAddress(property);
        var first = MailSender.Message("Erin Example <Erin.Example@Example.COM>", support, "Login broken", "I cannot log in.");
        var second = MailSender.Message("ERIN.example@example.com", support, "Invoice question", "Where is my invoice?");

        await MailSender.SendAsync(Email.InboundPort, first);
        await MailSender.SendAsync(Email.InboundPort, second);
        await MailSender.SendAsync(Email.InboundPort, first); // a redelivery changes nothing

        var one = await TicketAsync(property, first);
        var two = await TicketAsync(property, second);
        var visitorId = Assert.IsType<string>(one.Requester.VisitorId);
        Assert.Equal(visitorId, two.Requester.VisitorId);

        using var agent = await SignedInAgent.CreateAsync(Email.Client, fixture.Web, property);
        var profile = (await agent.Http.GetFromJsonAsync<VisitorProfile>(VisitorUrl(property, visitorId), Json.Options))!;
        Assert.Equal(("Erin Example", "erin.example@example.com"), (profile.About.Name, profile.About.Email));
        var history = await HistoryAsync(agent, property, visitorId, 2);
        Assert.Equal([two.Id, one.Id], history.Select(h => h.ConversationId));
        Assert.All(history, h => Assert.Equal((ConversationKind.Ticket, "Open"), (h.Kind, h.Status)));

        // VIS-1: the profile is editable like a chat visitor's.
        var edited = await agent.Http.PatchAsJsonAsync(VisitorUrl(property, visitorId) + "/about", new { jobTitle = "Accountant" });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("Accountant", (await edited.Content.ReadFromJsonAsync<VisitorProfile>(Json.Options))!.About.JobTitle);

        // A status change reaches the history line.
        await Email.Client.GetGrain<ITicketGrain>(one.Id).SetStatusAsync(property, TicketStatus.Closed);
        history = await HistoryAsync(agent, property, visitorId, 2, h => h.Any(l => l.ConversationId == one.Id && l.Status == "Closed"));
        Assert.Equal("Open", history.Single(h => h.ConversationId == two.Id).Status);
    }

    [Fact, Trait("Spec", "VIS-1"), Trait("Spec", "VIS-5"), Trait("Spec", "TIC-1")]
    public async Task VIS1_VIS5_an_email_from_a_chat_visitors_address_joins_that_visitors_profile_and_history()
    {
        var property = await Email.NewPropertyAsync(withSupportAddress: true);
        using var agent = await SignedInAgent.CreateAsync(Email.Client, fixture.Web, property);
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, property);
        await visitor.Hub.InvokeAsync("UpdateContact", property, visitor.Session.VisitorToken, "Fay", "Fay.Chat@Example.com");
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Fay");
        await visitor.SendAsync(chatId, "f1", "Hello from the widget");

        var mail = MailSender.Message("Someone Else <FAY.CHAT@example.com>", EmailCluster.SupportAddress(property), "Following up by mail", "Me again.");
        await MailSender.SendAsync(Email.InboundPort, mail);

        var ticket = await TicketAsync(property, mail);
        Assert.Equal(visitor.Session.VisitorId, ticket.Requester.VisitorId);
        var history = await HistoryAsync(agent, property, visitor.Session.VisitorId, 2);
        Assert.Equal([(ticket.Id, ConversationKind.Ticket), (chatId, ConversationKind.Chat)], history.Select(h => (h.ConversationId, h.Kind)));
        var profile = (await agent.Http.GetFromJsonAsync<VisitorProfile>(VisitorUrl(property, visitor.Session.VisitorId), Json.Options))!;
        Assert.Equal(("Fay", "fay.chat@example.com"), (profile.About.Name, profile.About.Email)); // the visitor's own name is kept

        // The requester's answer by email stays on the same profile: no second one is made.
        await Email.Client.GetGrain<ITicketGrain>(ticket.Id).ReplyAsync(new ReplyToTicket(property, "r-1", "agent-1", "Bo", "Got it.", null));
        var reply = Assert.Single(await Email.Smtp.WaitForAsync("fay.chat@example.com"));
        var answer = MailSender.Message("fay.chat@example.com", reply.ReplyTo.Mailboxes.Single().Address, "Re: " + reply.Subject, "Thanks!");
        await MailSender.SendAsync(Email.InboundPort, answer);
        var messages = await Email.Client.GetGrain<ITicketGrain>(ticket.Id).GetMessagesAsync(property, 0, 10);
        Assert.Equal(("Thanks!", visitor.Session.VisitorId), (messages[^1].Text, messages[^1].AuthorId));
        Assert.Equal(2, (await HistoryAsync(agent, property, visitor.Session.VisitorId, 2)).Count);
    }

    [Fact, Trait("Spec", "VIS-1"), Trait("Spec", "X-1")]
    public async Task VIS1_a_hostile_sender_name_is_cleaned_and_bounded_on_the_profile()
    {
        var property = await Email.NewPropertyAsync(withSupportAddress: true);
        var mail = MailSender.Message("mallory@example.com", EmailCluster.SupportAddress(property), "Hi", "Hello");
        mail.From.Clear();
        var hostile = "<img src=x onerror=alert(1)>\u0007\u001b[31m" + new string('M', 500);
        mail.From.Add(new MailboxAddress(hostile, "mallory@example.com"));
        await MailSender.SendAsync(Email.InboundPort, mail);

        var ticket = await TicketAsync(property, mail);
        using var agent = await SignedInAgent.CreateAsync(Email.Client, fixture.Web, property);
        var profile = (await agent.Http.GetFromJsonAsync<VisitorProfile>(VisitorUrl(property, Assert.IsType<string>(ticket.Requester.VisitorId)), Json.Options))!;
        var name = Assert.IsType<string>(profile.About.Name);
        Assert.StartsWith("<img src=x onerror=alert(1)", name); // text (the control character became a space), shown escaped by the console
        Assert.DoesNotContain(name, char.IsControl);
        Assert.True(name.Length <= 100, $"name of {name.Length} characters");
        Assert.Equal("mallory@example.com", profile.About.Email);
    }

    [Fact, Trait("Spec", "VIS-5"), Trait("Spec", "BIN-2")]
    public async Task BIN2_purging_an_email_requesters_only_ticket_removes_the_profile_made_for_it_and_frees_the_address()
    {
        var property = await Email.NewPropertyAsync(withSupportAddress: true);
        var mail = MailSender.Message("Pat <pat@example.com>", EmailCluster.SupportAddress(property), "Delete me", "Please forget me.");
        await MailSender.SendAsync(Email.InboundPort, mail);
        var ticket = await TicketAsync(property, mail);
        var visitorId = Assert.IsType<string>(ticket.Requester.VisitorId);
        var holder = Email.Client.GetGrain<IVisitorEmailGrain>(VisitorEmailKey.For(property, "pat@example.com"));
        Assert.Equal(visitorId, await holder.GetVisitorAsync());

        using var agent = await SignedInAgent.CreateAsync(Email.Client, fixture.Web, property);
        var url = $"/api/v1/properties/{property}/tickets/{ticket.Id}";
        Assert.Equal(HttpStatusCode.OK, (await agent.Http.PostAsync(url + "/trash", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await agent.Http.PostAsync(url + "/purge", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync(VisitorUrl(property, visitorId))).StatusCode);
        Assert.Null(await holder.GetVisitorAsync());
    }

    private async Task<TicketView> TicketAsync(string property, MimeMessage mail) =>
        await Email.Client.GetGrain<ITicketGrain>(InboundMail.NewTicketId(property, mail.MessageId!)).GetAsync(property);

    private static string VisitorUrl(string property, string visitorId) => $"/api/v1/properties/{property}/visitors/{visitorId}";

    /// <summary>The history once it has <paramref name="count"/> lines (and passes <paramref name="also"/>); the ticket links itself after its commit.</summary>
    private static async Task<List<ConversationLink>> HistoryAsync(
        SignedInAgent agent, string property, string visitorId, int count, Func<List<ConversationLink>, bool>? also = null)
    {
        List<ConversationLink> history = [];
        for (var i = 0; i < 100; i++)
        {
            history = (await agent.Http.GetFromJsonAsync<List<ConversationLink>>(VisitorUrl(property, visitorId) + "/history", Json.Options))!;
            if (history.Count >= count && (also is null || also(history)))
            {
                return history;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The history did not reach {count} lines: {string.Join(", ", history.Select(h => $"{h.Kind} {h.Status}"))}");
        return history;
    }
}
