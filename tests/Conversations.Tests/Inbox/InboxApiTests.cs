using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Inbox;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.Tests.Inbox;

[Collection(WebCollection.Name)]
public sealed class InboxApiTests(WebFixture fixture)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact, Trait("Spec", "INB-2"), Trait("Spec", "INB-3"), Trait("Spec", "INB-1")]
    public async Task INB2_views_list_chats_and_tickets_together_and_trash_and_spam_apart()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var p = agent.PropertyId;
        var chat = await StartChatAsync(p, "Ann");
        var ticket = await CreateTicketAsync(p, "Printer on fire");
        var trashed = await StartChatAsync(p, "Bo");
        var spam = await CreateTicketAsync(p, "Cheap pills");
        await fixture.Cluster.Client.GetGrain<IChatGrain>(trashed).TrashAsync(p);
        await fixture.Cluster.Client.GetGrain<ITicketGrain>(spam).MarkSpamAsync(p);

        Assert.Equal([ticket, chat], await IdsAsync(agent, "view=all"));
        Assert.Equal([chat], await IdsAsync(agent, "view=chats"));
        Assert.Equal([ticket], await IdsAsync(agent, "view=tickets"));
        Assert.Equal([trashed], await IdsAsync(agent, "view=trash"));
        Assert.Equal([spam], await IdsAsync(agent, "view=spam"));

        var page = await PageAsync(agent, "view=all");
        Assert.Equal(2, page.Total);
        var ticketRow = page.Rows.Single(r => r.Id == ticket);
        Assert.Equal((ConversationKind.Ticket, "Printer on fire", "ann@example.com", InboxStatus.Open, 4, 1L),
            (ticketRow.Kind, ticketRow.Title, ticketRow.Requester, ticketRow.Status, ticketRow.Priority, ticketRow.MessageCount));
        Assert.Equal((ConversationKind.Chat, "Ann"), (page.Rows.Single(r => r.Id == chat).Kind, page.Rows.Single(r => r.Id == chat).Title));
    }

    [Fact, Trait("Spec", "INB-4")]
    public async Task INB4_filters_sort_and_cursor_paging_over_rest()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var p = agent.PropertyId;
        var low = await CreateTicketAsync(p, "Low", TicketPriority.Low);
        var high = await CreateTicketAsync(p, "High", TicketPriority.Highest);
        var tagged = await StartChatAsync(p, "Tagged");
        await fixture.Cluster.Client.GetGrain<IChatGrain>(tagged).ChangeTagsAsync(new ChangeTags(p, ["vip"], null));
        await fixture.Cluster.Client.GetGrain<ITicketGrain>(low).AssignAsync(new AssignConversation(p, AssigneeKind.Agent, agent.AgentId.ToString()));
        await fixture.Cluster.Client.GetGrain<ITicketGrain>(high).SetStatusAsync(p, TicketStatus.Pending);

        Assert.Equal([high, low, tagged], await IdsAsync(agent, "sort=priority"));
        Assert.Equal([tagged], await IdsAsync(agent, "tags=vip,other"));
        Assert.Equal([low], await IdsAsync(agent, $"assignee={agent.AgentId}"));
        Assert.Equal([high], await IdsAsync(agent, "status=pending"));
        Assert.Equal([high, low, tagged], await IdsAsync(agent, "minMessages=1&status=open,pending&sort=priority"));
        Assert.Empty(await IdsAsync(agent, $"updatedFrom={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"))}"));

        var first = await PageAsync(agent, "sort=priority&limit=2");
        Assert.Equal((3L, 2), (first.Total, first.Rows.Count));
        var second = await PageAsync(agent, $"sort=priority&limit=2&cursor={first.NextCursor}");
        Assert.Equal([tagged], second.Rows.Select(r => r.Id));
        Assert.Null(second.NextCursor);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await agent.Http.GetAsync($"/api/v1/properties/{p}/inbox?view=nope")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await agent.Http.GetAsync($"/api/v1/properties/{p}/inbox?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await agent.Http.GetAsync($"/api/v1/properties/{p}/inbox?cursor=bad")).StatusCode);
    }

    [Fact, Trait("Spec", "INB-5"), Trait("Spec", "BIN-2")]
    public async Task INB5_bulk_actions_report_each_item()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var p = agent.PropertyId;
        var open = await StartChatAsync(p, "Open");
        var closed = await StartChatAsync(p, "Closed");
        await fixture.Cluster.Client.GetGrain<IChatGrain>(closed).CloseAsync(p);
        var ticket = await CreateTicketAsync(p, "To close");
        var unknown = Guid.NewGuid();

        var close = await BulkAsync(agent, "close", open, closed, ticket, unknown);
        Assert.Equal([true, true, true, false], close.Select(r => r.Succeeded));
        Assert.Equal(DomainErrorCode.NotFound, close[3].Error);
        Assert.Equal(3L, (await PageAsync(agent, "status=closed")).Total);

        var restore = await BulkAsync(agent, "restore", open);
        Assert.Equal(DomainErrorCode.Conflict, Assert.Single(restore).Error);

        Assert.All(await BulkAsync(agent, "trash", open, ticket), r => Assert.True(r.Succeeded));
        Assert.Equal([closed], await IdsAsync(agent, "view=all"));
        Assert.All(await BulkAsync(agent, "purge", open), r => Assert.True(r.Succeeded));
        Assert.Equal([ticket], await IdsAsync(agent, "view=trash"));
        Assert.All(await BulkAsync(agent, "restore", ticket), r => Assert.True(r.Succeeded));
        Assert.Equal([ticket, closed], await IdsAsync(agent, "view=all"));
        Assert.Equal(DomainErrorCode.NotFound, Assert.Single(await BulkAsync(agent, "restore", open)).Error);

        var empty = await agent.Http.PostAsJsonAsync($"/api/v1/properties/{p}/inbox/bulk", new { action = "close", ids = Array.Empty<Guid>() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
    }

    [Fact, Trait("Spec", "INB-4")]
    public async Task INB4_the_agent_hub_answers_inbox_queries()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var chat = await StartChatAsync(agent.PropertyId, "Hub");
        await using var hub = await agent.ConnectHubAsync(AgentHub.Path);
        var page = await hub.InvokeAsync<InboxPage>(nameof(AgentHub.QueryInbox), agent.PropertyId, new InboxQuery(InboxView.Chats));
        Assert.Equal(chat, Assert.Single(page.Rows).Id);
    }

    [Fact, Trait("Spec", "INB-1"), Trait("Spec", "INB-6")]
    public async Task INB1_a_chat_enters_the_inbox_with_its_first_message_and_an_agent_sees_it_arrive_live()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var hub = await agent.ConnectHubAsync(AgentHub.Path);
        var firstMessage = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>(RealtimeDelivery.EventMethod, evt =>
        {
            if (evt.GetProperty("type").GetString() == "messagePosted")
            {
                firstMessage.TrySetResult(evt);
            }
        });
        await hub.InvokeAsync(nameof(AgentHub.JoinProperty), agent.PropertyId);

        // A visitor opened the widget and never wrote: no row, in any view.
        var id = Guid.NewGuid();
        var chat = fixture.Cluster.Client.GetGrain<IChatGrain>(id);
        await chat.StartAsync(new StartChat(agent.PropertyId, "visitor-silent", "Silent"));
        foreach (var view in new[] { "all", "chats", "trash", "spam" })
        {
            Assert.Equal(0L, (await PageAsync(agent, "view=" + view)).Total);
        }

        // The first message brings the chat in; by the time its event reaches the console, a refetch finds the row.
        await chat.PostMessageAsync(new PostMessage(agent.PropertyId, "m-1", AuthorKind.Visitor, "visitor-silent", "", "Hello?"));
        var evt = await firstMessage.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(id, evt.GetProperty("conversationId").GetGuid());
        var row = Assert.Single((await PageAsync(agent, "view=all")).Rows);
        Assert.Equal((id, "Silent", 1L, evt.GetProperty("version").GetInt64()), (row.Id, row.Title, row.MessageCount, row.Version));
    }

    /// <summary>A chat whose visitor wrote once: a chat is in the inbox from its first message on (INB-1).</summary>
    private async Task<Guid> StartChatAsync(string propertyId, string name)
    {
        var id = Guid.NewGuid();
        var visitorId = "visitor-" + id.ToString("N")[..6];
        var chat = fixture.Cluster.Client.GetGrain<IChatGrain>(id);
        await chat.StartAsync(new StartChat(propertyId, visitorId, name));
        await chat.PostMessageAsync(new PostMessage(propertyId, "hello", AuthorKind.Visitor, visitorId, "", "Hello"));
        return id;
    }

    private async Task<Guid> CreateTicketAsync(string propertyId, string subject, TicketPriority priority = TicketPriority.High)
    {
        var id = Guid.NewGuid();
        await fixture.Cluster.Client.GetGrain<ITicketGrain>(id).CreateAsync(
            new CreateTicket(propertyId, subject, new TicketRequester(null, "Ann", "ann@example.com"), priority, "Hello"));
        return id;
    }

    private static async Task<InboxPageResponse> PageAsync(SignedInAgent agent, string query)
    {
        var response = await agent.Http.GetAsync($"/api/v1/properties/{agent.PropertyId}/inbox?{query}");
        Assert.True(response.IsSuccessStatusCode, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<InboxPageResponse>(Json))!;
    }

    private static async Task<List<Guid>> IdsAsync(SignedInAgent agent, string query) =>
        (await PageAsync(agent, query)).Rows.Select(r => r.Id).ToList();

    private static async Task<List<BulkItemResult>> BulkAsync(SignedInAgent agent, string action, params Guid[] ids)
    {
        var response = await agent.Http.PostAsJsonAsync($"/api/v1/properties/{agent.PropertyId}/inbox/bulk", new { action, ids });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<List<BulkItemResult>>(Json))!;
    }
}
