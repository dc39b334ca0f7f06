using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Search;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Search;

/// <summary>SRCH-1 through the API: ranking, snippets, filters, whispers, purge, isolation, bad queries and catch-up.</summary>
[Collection(WebCollection.Name)]
public sealed class SearchApiTests(WebFixture fixture) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private SignedInAgent _agent = null!;

    private string PropertyId => _agent.PropertyId;

    private HttpClient Http => _agent.Http;

    public async Task InitializeAsync() => _agent = await SignedInAgent.CreateAsync(fixture);

    public Task DisposeAsync()
    {
        _agent.Dispose();
        return Task.CompletedTask;
    }

    [Fact, Trait("Spec", "SRCH-1")]
    public async Task SRCH1_hits_are_ranked_name_the_message_and_carry_escaped_highlighted_snippets()
    {
        var inSubject = await NewTicketAsync("Printer on fire", "ann@example.com", "It smells of smoke");
        var inMessage = await NewTicketAsync("Billing question", "bob@example.com", "Also <b>my</b> printer <script>x</script> is slow");

        var page = await SearchUntilAsync("printer", p => p.Total >= 2);
        Assert.Equal([inSubject, inMessage], page.Hits.Select(h => h.ConversationId).ToArray());
        Assert.Equal(0, page.Hits[0].Sequence);
        Assert.Contains("<mark>Printer</mark>", page.Hits[0].Snippet);
        var message = page.Hits[1];
        Assert.Equal(1, message.Sequence);
        Assert.Contains("<mark>printer</mark>", message.Snippet);
        Assert.Contains("&lt;script&gt;", message.Snippet);
        Assert.DoesNotContain("<script>", message.Snippet);
        Assert.DoesNotContain("<b>", message.Snippet);

        var byEmail = await SearchAsync("bob@example.com");
        Assert.Equal(inMessage, Assert.Single(byEmail.Hits).ConversationId);
        var phrase = await SearchAsync("\"smells of smoke\"");
        Assert.Equal((inSubject, 1L), (Assert.Single(phrase.Hits).ConversationId, phrase.Hits[0].Sequence));
    }

    [Fact, Trait("Spec", "SRCH-1"), Trait("Spec", "INB-4")]
    public async Task SRCH1_search_combines_with_the_inbox_filters()
    {
        var open = await NewTicketAsync("Router blinking", "c@example.com", "zebrafish one", priority: 2);
        var closed = await NewTicketAsync("Modem dead", "d@example.com", "zebrafish two", priority: 5);
        (await Http.PostAsJsonAsync($"{Ticket(closed)}/replies", new { commandId = "r1", text = "zebrafish solved", status = 3 })).EnsureSuccessStatusCode();
        (await Http.PostAsJsonAsync($"{Ticket(open)}/tags", new { add = new[] { "hardware" } })).EnsureSuccessStatusCode();
        var trashed = await NewTicketAsync("Old thing", "e@example.com", "zebrafish three");
        (await Http.PostAsync($"{Ticket(trashed)}/trash", null)).EnsureSuccessStatusCode();

        await SearchUntilAsync("zebrafish", p => p.Total == 3 && p.Hits.Any(h => h.ConversationId == closed && h.Status == InboxStatus.Closed), "view=all");
        // The index follows each conversation's changes on its own: the trash and the tag may land after the close.
        await SearchUntilAsync("zebrafish", p => p.Total == 1, "view=trash");
        await SearchUntilAsync("zebrafish", p => p.Total == 1, "tags=hardware");
        Assert.Equal([closed], Ids(await SearchAsync("zebrafish", "status=closed")));
        Assert.Equal([open], Ids(await SearchAsync("zebrafish", "status=open")));
        Assert.Equal([open], Ids(await SearchAsync("zebrafish", "tags=hardware")));
        Assert.Equal([closed], Ids(await SearchAsync("zebrafish", "priority=highest")));
        Assert.Equal([trashed], Ids(await SearchAsync("zebrafish", "view=trash")));
        Assert.Empty((await SearchAsync("zebrafish", "view=chats")).Hits);
        Assert.Empty((await SearchAsync("zebrafish", $"updatedTo={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"))}")).Hits);
        var bad = await Http.GetAsync(Url("zebrafish", "status=sleeping"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
    }

    [Fact, Trait("Spec", "SRCH-1"), Trait("Spec", "TIC-4")]
    public async Task SRCH1_whispers_are_found_by_agents_only()
    {
        var ticket = await NewTicketAsync("Refund", "f@example.com", "please refund");
        (await Http.PostAsJsonAsync($"{Ticket(ticket)}/whispers", new { commandId = "w1", text = "customer is a quokka collector" })).EnsureSuccessStatusCode();

        var page = await SearchUntilAsync("quokka", p => p.Total == 1);
        Assert.True(page.Hits[0].IsWhisper);
        Assert.Equal(2, page.Hits[0].Sequence);

        var notForVisitors = await fixture.Cluster.Client.GetGrain<IConversationSearchGrain>(PropertyId)
            .SearchAsync(new ConversationSearchQuery("quokka", new InboxQuery(), IncludeWhispers: false));
        Assert.Equal(0, notForVisitors.Total);
    }

    [Fact, Trait("Spec", "SRCH-1"), Trait("Spec", "BIN-2")]
    public async Task SRCH1_a_purged_conversation_vanishes_from_results_at_once()
    {
        var ticket = await NewTicketAsync("Wombat issue", "g@example.com", "wombat in the server room");
        await SearchUntilAsync("wombat", p => p.Total == 2, "view=all");
        (await Http.PostAsync($"{Ticket(ticket)}/trash", null)).EnsureSuccessStatusCode();
        await SearchUntilAsync("wombat", p => p.Total == 2, "view=trash");

        Assert.Equal(HttpStatusCode.NoContent, (await Http.PostAsync($"{Ticket(ticket)}/purge", null)).StatusCode);
        Assert.Equal(0, (await SearchAsync("wombat", "view=trash")).Total);
        Assert.Equal(0, (await SearchAsync("wombat")).Total);
    }

    [Fact, Trait("Spec", "SRCH-1"), Trait("Spec", "ADM-4")]
    public async Task SRCH1_search_never_crosses_properties()
    {
        await NewTicketAsync("Narwhal sighting", "h@example.com", "narwhal");
        await SearchUntilAsync("narwhal", p => p.Total == 2);

        using var other = await SignedInAgent.CreateAsync(fixture);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(Url("narwhal"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.PostAsync($"/api/v1/properties/{PropertyId}/search/index/rebuild", null)).StatusCode);
        var own = await other.Http.GetFromJsonAsync<ConversationSearchPage>($"/api/v1/properties/{other.PropertyId}/search?q=narwhal", Json);
        Assert.Equal(0, own!.Total);
    }

    [Theory, Trait("Spec", "SRCH-1"), Trait("Spec", "X-2")]
    [InlineData("printer(")]
    [InlineData("\"unclosed")]
    [InlineData("*leading")]
    [InlineData("AND")]
    [InlineData("")]
    [InlineData("title:[a TO")]
    public async Task SRCH1_a_bad_query_is_422_with_a_reason(string q)
    {
        var response = await Http.GetAsync(Url(q));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact, Trait("Spec", "SRCH-1"), Trait("Spec", "X-2")]
    public async Task SRCH1_hostile_sizes_are_refused_not_failed()
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Http.GetAsync(Url(new string('a', 501)))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Http.GetAsync(Url("a", "limit=51"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Http.GetAsync(Url("a", "offset=-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(Url("a* OR b* OR c~ OR d?"))).StatusCode);
    }

    [Fact, Trait("Spec", "SRCH-1")]
    public async Task SRCH1_the_index_catches_up_from_the_source_after_missed_events_and_rebuilds_with_progress()
    {
        var ticket = await NewTicketAsync("Capybara", "i@example.com", "capybara first");
        await SearchUntilAsync("capybara", p => p.Total == 2);

        // As if every event of the ticket so far had been lost: the next one shows a gap, and the follower reads the source.
        await fixture.Cluster.Client.GetGrain<IConversationSearchGrain>(PropertyId).DropAsync(ticket);
        Assert.Equal(0, (await SearchAsync("capybara")).Total);
        (await Http.PostAsJsonAsync($"{Ticket(ticket)}/replies", new { commandId = "r1", text = "capybara second" })).EnsureSuccessStatusCode();
        var caughtUp = await SearchUntilAsync("capybara", p => p.Total == 3);
        Assert.Equal([0L, 1L, 2L], caughtUp.Hits.Select(h => h.Sequence).Order().ToArray());

        var started = await Http.PostAsync($"/api/v1/properties/{PropertyId}/search/index/rebuild", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var progress = await WaitAsync(async () => (await Http.GetFromJsonAsync<SearchIndexProgress>($"/api/v1/properties/{PropertyId}/search/index", Json))!,
            p => !p.Rebuilding && p.BuiltAt is not null);
        Assert.Equal((1, 1, 100), (progress.ConversationsDone, progress.ConversationsTotal, progress.Percent));
        Assert.Equal(3, (await SearchAsync("capybara")).Total);
    }

    private async Task<Guid> NewTicketAsync(string subject, string email, string text, int priority = 3)
    {
        var id = Guid.NewGuid();
        (await Http.PostAsJsonAsync($"/api/v1/properties/{PropertyId}/tickets", new { ticketId = id, subject, requesterEmail = email, requesterName = "Requester", priority, text }))
            .EnsureSuccessStatusCode();
        return id;
    }

    private string Ticket(Guid id) => $"/api/v1/properties/{PropertyId}/tickets/{id}";

    private string Url(string q, string filters = "") => $"/api/v1/properties/{PropertyId}/search?q={Uri.EscapeDataString(q)}&{filters}";

    private async Task<ConversationSearchPage> SearchAsync(string q, string filters = "")
    {
        var response = await Http.GetAsync(Url(q, filters));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ConversationSearchPage>(Json))!;
    }

    private Task<ConversationSearchPage> SearchUntilAsync(string q, Func<ConversationSearchPage, bool> done, string filters = "") =>
        WaitAsync(() => SearchAsync(q, filters), done);

    private static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > until)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }

    private static Guid[] Ids(ConversationSearchPage page) => page.Hits.Select(h => h.ConversationId).Distinct().ToArray();
}
