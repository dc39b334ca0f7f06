using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Merging;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Merging;

/// <summary>MRG-1 over REST: merge (tickets and a chat into a ticket), its idempotency, isolation and closed rules, and split.</summary>
[Collection(WebCollection.Name)]
public sealed class MergeApiTests(WebFixture fixture) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private SignedInAgent _agent = null!;

    private string PropertyId => _agent.PropertyId;

    private HttpClient Http => _agent.Http;

    public async Task InitializeAsync() => _agent = await SignedInAgent.CreateAsync(fixture);

    public Task DisposeAsync()
    {
        _agent.Dispose();
        return Task.CompletedTask;
    }

    [Fact, Trait("Spec", "MRG-1")]
    public async Task MRG1_tickets_and_a_chat_merge_into_a_ticket_interleaved_by_time_with_tags_united_and_a_retry_does_nothing_twice()
    {
        var survivor = await CreateTicketAsync("Printer broken", "s1: the printer is broken");
        await TagAsync("tickets", survivor, "printer");
        var other = await CreateTicketAsync("Printer again", "t1: still broken");
        await TagAsync("tickets", other, "urgent");
        await ReplyAsync(survivor, "s2: have you tried turning it off");
        var chatId = Guid.NewGuid();
        var chat = fixture.Cluster.Client.GetGrain<IChatGrain>(chatId);
        await chat.StartAsync(new StartChat(PropertyId, "visitor-merge", "Vera"));
        await chat.PostMessageAsync(new PostMessage(PropertyId, "c1", AuthorKind.Visitor, "visitor-merge", "Vera", "c1: hello from the chat"));
        await TagAsync("chats", chatId, "chat-tag");
        await ReplyAsync(other, "t2: we will send someone");

        var merged = await MergeAsync(survivor, "merge-1", other, chatId);
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var result = (await merged.Content.ReadFromJsonAsync<MergeResult>(Json))!;
        Assert.Equal(5, result.Survivor.MessageCount);
        Assert.Equal(new[] { other, chatId }.Order(), result.Merged.Order());

        var messages = await MessagesAsync(survivor);
        Assert.Equal(new[] { "s1", "t1", "s2", "c1", "t2" }, messages.Select(m => m.Text[..2]));
        Assert.Equal(AuthorKind.Visitor, messages.Single(m => m.Text.StartsWith("c1")).AuthorKind);
        Assert.Equal("Vera", messages.Single(m => m.Text.StartsWith("c1")).AuthorName);
        Assert.True(messages.Zip(messages.Skip(1)).All(p => p.First.At <= p.Second.At && p.First.Sequence < p.Second.Sequence));
        var view = (await Http.GetFromJsonAsync<TicketView>(Ticket(survivor), Json))!;
        Assert.Equal(new[] { "chat-tag", "printer", "urgent" }, view.Tags.Order());
        Assert.Equal(TicketStatus.Open, view.Status);

        // The merged ones are closed, read-only links to the survivor, and listed so.
        var source = (await Http.GetFromJsonAsync<TicketView>(Ticket(other), Json))!;
        Assert.Equal((TicketStatus.Closed, (Guid?)survivor), (source.Status, source.MergedIntoId));
        var chatView = (await Http.GetFromJsonAsync<ChatView>($"/api/v1/properties/{PropertyId}/chats/{chatId}", Json))!;
        Assert.Equal((ChatStatus.Closed, (Guid?)survivor), (chatView.Status, chatView.MergedIntoId));
        var refused = await Http.PostAsJsonAsync($"{Ticket(other)}/replies", new { commandId = "late", text = "too late" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var tagRefused = await Http.PostAsJsonAsync($"{Ticket(other)}/tags", new { add = new[] { "x" } });
        Assert.Equal(HttpStatusCode.Conflict, tagRefused.StatusCode);
        var page = (await Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{PropertyId}/inbox?view=all&limit=50", Json))!;
        var row = page.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == other);
        Assert.Equal(survivor, row.GetProperty("mergedIntoId").GetGuid());
        var survivorRow = page.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == survivor);
        Assert.Equal(5, survivorRow.GetProperty("messageCount").GetInt32());

        // The same merge id again: nothing happens twice.
        var again = await MergeAsync(survivor, "merge-1", other, chatId);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(5, (await MessagesAsync(survivor)).Count);

        // Work goes on in the survivor: a new reply comes after the merged transcript.
        await ReplyAsync(survivor, "s3: fixed");
        var after = await MessagesAsync(survivor);
        Assert.Equal(new[] { "s1", "t1", "s2", "c1", "t2", "s3" }, after.Select(m => m.Text[..2]));
    }

    [Fact, Trait("Spec", "MRG-1"), Trait("Spec", "TIC-5"), Trait("Spec", "ADM-4")]
    public async Task MRG1_merges_stay_in_their_property_a_closed_ticket_is_merged_in_closed_and_never_takes_a_merge()
    {
        var survivor = await CreateTicketAsync("Keeps", "k1");
        using var stranger = await SignedInAgent.CreateAsync(fixture);
        var elsewhere = Guid.NewGuid();
        (await stranger.Http.PostAsJsonAsync($"/api/v1/properties/{stranger.PropertyId}/tickets",
            new { ticketId = elsewhere, subject = "Elsewhere", requesterEmail = "e@example.com", text = "other property" })).EnsureSuccessStatusCode();

        var across = await MergeAsync(survivor, "across", elsewhere);
        Assert.Equal(HttpStatusCode.NotFound, across.StatusCode);
        var intoTheirs = await stranger.Http.PostAsJsonAsync($"/api/v1/properties/{stranger.PropertyId}/tickets/{survivor}/merge", new { mergeId = "x", sourceIds = new[] { elsewhere } });
        Assert.Equal(HttpStatusCode.NotFound, intoTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await MergeAsync(survivor, "self", survivor)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await MergeAsync(survivor, "none")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await MergeAsync(survivor, "unknown", Guid.NewGuid())).StatusCode);
        Assert.Null((await stranger.Http.GetFromJsonAsync<TicketView>($"/api/v1/properties/{stranger.PropertyId}/tickets/{elsewhere}", Json))!.MergedIntoId);

        // A closed ticket merged in stays closed (closing is irreversible); the open survivor stays open.
        var closed = await CreateTicketAsync("Closed one", "c1");
        (await Http.PostAsJsonAsync($"{Ticket(closed)}/status", new { status = 3 })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await MergeAsync(survivor, "closed-in", closed)).StatusCode);
        var closedView = (await Http.GetFromJsonAsync<TicketView>(Ticket(closed), Json))!;
        Assert.Equal((TicketStatus.Closed, (Guid?)survivor), (closedView.Status, closedView.MergedIntoId));
        Assert.Equal(TicketStatus.Open, (await Http.GetFromJsonAsync<TicketView>(Ticket(survivor), Json))!.Status);

        // A closed ticket can never take a merge: that would give it messages, and nothing reopens it.
        var another = await CreateTicketAsync("Another", "a1");
        (await Http.PostAsJsonAsync($"{Ticket(survivor)}/status", new { status = 3 })).EnsureSuccessStatusCode();
        var intoClosed = await MergeAsync(survivor, "into-closed", another);
        Assert.Equal(HttpStatusCode.Conflict, intoClosed.StatusCode);
        Assert.Equal("Irreversible", (await intoClosed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Null((await Http.GetFromJsonAsync<TicketView>(Ticket(another), Json))!.MergedIntoId);
    }

    [Fact, Trait("Spec", "MRG-1")]
    public async Task MRG1_split_moves_chosen_messages_into_a_new_ticket_linked_both_ways_once()
    {
        var ticket = await CreateTicketAsync("Two problems", "m1: printer");
        await ReplyAsync(ticket, "m2: about the printer");
        (await Http.PostAsJsonAsync($"{Ticket(ticket)}/whispers", new { commandId = "w", text = "m3: the scanner is another issue" })).EnsureSuccessStatusCode();
        await ReplyAsync(ticket, "m4: and the scanner?");
        var sequences = (await MessagesAsync(ticket)).Where(m => m.Text.StartsWith("m3") || m.Text.StartsWith("m4")).Select(m => m.Sequence).ToArray();

        var split = await Http.PostAsJsonAsync($"{Ticket(ticket)}/split", new { splitId = "split-1", sequences, subject = "Scanner" });
        Assert.Equal(HttpStatusCode.OK, split.StatusCode);
        var created = (await split.Content.ReadFromJsonAsync<TicketView>(Json))!;
        Assert.Equal(("Scanner", (Guid?)ticket, 2L), (created.Subject, created.SplitFromId, created.MessageCount));
        var moved = await MessagesAsync(created.Id);
        Assert.Equal(new[] { "m3", "m4" }, moved.Select(m => m.Text[..2]));
        Assert.True(moved[0].IsInternal);
        Assert.Equal(new[] { "m1", "m2" }, (await MessagesAsync(ticket)).Select(m => m.Text[..2]));
        var view = (await Http.GetFromJsonAsync<TicketView>(Ticket(ticket), Json))!;
        Assert.Equal(created.Id, Assert.Single(view.SplitIds!));
        Assert.Equal(2L, view.MessageCount);

        var again = await Http.PostAsJsonAsync($"{Ticket(ticket)}/split", new { splitId = "split-1", sequences, subject = "Scanner" });
        Assert.Equal(created.Id, (await again.Content.ReadFromJsonAsync<TicketView>(Json))!.Id);
        Assert.Equal(2, (await MessagesAsync(ticket)).Count);

        var remaining = (await MessagesAsync(ticket)).Select(m => m.Sequence).ToArray();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Http.PostAsJsonAsync($"{Ticket(ticket)}/split", new { splitId = "all", sequences = remaining })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Http.PostAsJsonAsync($"{Ticket(ticket)}/split", new { splitId = "old", sequences })).StatusCode);
    }

    private async Task<Guid> CreateTicketAsync(string subject, string text)
    {
        var id = Guid.NewGuid();
        (await Http.PostAsJsonAsync($"/api/v1/properties/{PropertyId}/tickets",
            new { ticketId = id, subject, requesterEmail = "req@example.com", requesterName = "Req", text })).EnsureSuccessStatusCode();
        return id;
    }

    private async Task ReplyAsync(Guid ticket, string text) =>
        (await Http.PostAsJsonAsync($"{Ticket(ticket)}/replies", new { commandId = Guid.NewGuid().ToString(), text })).EnsureSuccessStatusCode();

    private async Task TagAsync(string kind, Guid id, string tag) =>
        (await Http.PostAsJsonAsync($"/api/v1/properties/{PropertyId}/{kind}/{id}/tags", new { add = new[] { tag } })).EnsureSuccessStatusCode();

    private Task<HttpResponseMessage> MergeAsync(Guid survivor, string mergeId, params Guid[] sourceIds) =>
        Http.PostAsJsonAsync($"{Ticket(survivor)}/merge", new { mergeId, sourceIds });

    private async Task<List<ConversationMessage>> MessagesAsync(Guid ticket) =>
        (await Http.GetFromJsonAsync<List<ConversationMessage>>($"{Ticket(ticket)}/messages?limit=1000", Json))!;

    private string Ticket(Guid id) => $"/api/v1/properties/{PropertyId}/tickets/{id}";
}
