using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.Tests.Web;

/// <summary>
/// A chat and a ticket keep their messages under their id alone, so a new conversation may not take the id of an
/// existing one of the other kind, whatever property it is in (found by the fuzzer: a visitor's chat started with
/// another property's ticket id read that ticket's messages).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ConversationIdTests(WebFixture fixture)
{
    [Fact, Trait("Spec", "ADM-4"), Trait("Spec", "X-1")]
    public async Task ADM4_a_visitor_cannot_start_a_chat_with_another_propertys_ticket_id_and_read_it()
    {
        using var other = await SignedInAgent.CreateAsync(fixture);
        var ticket = await (await other.Http.PostAsJsonAsync($"/api/v1/properties/{other.PropertyId}/tickets",
            new { subject = "Private", requesterEmail = "ann@example.com", text = "the other property's secret" })).Content.ReadFromJsonAsync<JsonElement>();
        var ticketId = ticket.GetProperty("id").GetGuid();
        using var owner = await SignedInAgent.CreateAsync(fixture);
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, owner.PropertyId);

        var refused = await Assert.ThrowsAsync<HubException>(() => visitor.StartChatAsync(ticketId, "Mallory"));
        var read = await Assert.ThrowsAsync<HubException>(() => visitor.GetMessagesAsync(ticketId));

        Assert.Contains("Conflict", refused.Message);
        Assert.Contains("NotFound", read.Message);
        Assert.DoesNotContain("secret", read.Message);
    }

    [Fact, Trait("Spec", "ADM-4"), Trait("Spec", "X-1")]
    public async Task ADM4_a_ticket_cannot_take_another_propertys_chat_id_and_overwrite_its_messages()
    {
        using var other = await SignedInAgent.CreateAsync(fixture);
        await using var otherVisitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, other.PropertyId);
        var chatId = Guid.NewGuid();
        await otherVisitor.StartChatAsync(chatId, "Ann");
        await otherVisitor.SendAsync(chatId, "m-1", "the other property's secret");
        using var owner = await SignedInAgent.CreateAsync(fixture);
        await using var ownVisitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, owner.PropertyId);

        var byAgent = await owner.Http.PostAsJsonAsync($"/api/v1/properties/{owner.PropertyId}/tickets",
            new { ticketId = chatId, subject = "Mine now", requesterEmail = "mallory@example.com", text = "overwritten" });
        var byVisitor = await new HttpClient { BaseAddress = fixture.Web.BaseAddress }.PostAsJsonAsync("/api/v1/widget/offline-messages", new
        {
            propertyId = owner.PropertyId, visitorToken = ownVisitor.Session.VisitorToken, messageId = chatId,
            name = "Mallory", email = "mallory@example.com", message = "overwritten",
        });

        Assert.Equal(HttpStatusCode.Conflict, byAgent.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, byVisitor.StatusCode);
        var messages = await otherVisitor.GetMessagesAsync(chatId);
        Assert.Equal("the other property's secret", Assert.Single(messages).Text);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Http.GetAsync($"/api/v1/properties/{owner.PropertyId}/tickets/{chatId}/messages")).StatusCode);
    }

    [Fact, Trait("Spec", "CHAT-3")]
    public async Task CHAT3_converting_a_chat_still_makes_its_ticket()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Ann");
        await visitor.SendAsync(chatId, "m-1", "Please email me");

        var converted = await agent.Http.PostAsJsonAsync($"/api/v1/properties/{agent.PropertyId}/chats/{chatId}/ticket",
            new { visitorEmail = "ann@example.com", subject = "Follow-up" });

        Assert.Equal(HttpStatusCode.OK, converted.StatusCode);
        Assert.NotEqual(chatId, (await converted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }
}
