using System.Text.Json.Serialization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Web;

[Collection(WebCollection.Name)]
public sealed class ConversationApiTests(WebFixture fixture) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private SignedInAgent _agent = null!;

    private string PropertyId => _agent.PropertyId;

    public async Task InitializeAsync() => _agent = await SignedInAgent.CreateAsync(fixture);

    public Task DisposeAsync()
    {
        _agent.Dispose();
        return Task.CompletedTask;
    }

    [Fact, Trait("Spec", "TIC-3"), Trait("Spec", "TIC-5"), Trait("Spec", "X-2")]
    public async Task TIC3_a_ticket_is_created_answered_and_closed_over_rest_and_reopening_is_refused()
    {
        var http = Http();
        var ticketId = Guid.NewGuid();
        var created = await http.PostAsJsonAsync($"/api/v1/properties/{PropertyId}/tickets", new
        {
            ticketId, subject = "Broken login", requesterEmail = "ann@example.com", requesterName = "Ann", priority = 4, text = "I cannot sign in",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.EndsWith($"/tickets/{ticketId}", created.Headers.Location!.ToString());

        var reply = await http.PostAsJsonAsync($"{Ticket(ticketId)}/replies", new { commandId = "send-1", text = "Fixed, please retry", status = 3 });
        reply.EnsureSuccessStatusCode();
        var view = (await http.GetFromJsonAsync<TicketView>(Ticket(ticketId), Json))!;
        Assert.Equal((TicketStatus.Closed, 2L, TicketPriority.High), (view.Status, view.MessageCount, view.Priority));

        var reopen = await http.PostAsJsonAsync($"{Ticket(ticketId)}/status", new { status = 1 });
        Assert.Equal(HttpStatusCode.Conflict, reopen.StatusCode);
        var problem = await reopen.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Irreversible", problem.GetProperty("title").GetString());
        Assert.Contains("irreversible", problem.GetProperty("detail").GetString());
    }

    [Fact, Trait("Spec", "CHAT-2"), Trait("Spec", "CHAT-3"), Trait("Spec", "BIN-2")]
    public async Task CHAT3_a_chat_is_closed_converted_trashed_and_purged_over_rest()
    {
        var http = Http();
        var chatId = Guid.NewGuid();
        await fixture.Cluster.Client.GetGrain<IChatGrain>(chatId).StartAsync(new StartChat(PropertyId, "visitor-1", "Ann"));
        (await http.PostAsJsonAsync($"{Chat(chatId)}/messages", new { commandId = "m1", text = "Hello" })).EnsureSuccessStatusCode();

        var closed = await http.PostAsync($"{Chat(chatId)}/close", null);
        Assert.Equal(ChatStatus.Closed, (await closed.Content.ReadFromJsonAsync<ChatView>(Json))!.Status);
        var noEmail = await http.PostAsJsonAsync($"{Chat(chatId)}/ticket", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noEmail.StatusCode);
        var converted = await http.PostAsJsonAsync($"{Chat(chatId)}/ticket", new { visitorEmail = "ann@example.com" });
        var ticket = (await converted.Content.ReadFromJsonAsync<TicketView>(Json))!;
        Assert.Equal(chatId, ticket.SourceChatId);

        (await http.PostAsJsonAsync($"{Chat(chatId)}/tags", new { add = new[] { "VIP" } })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsync($"{Chat(chatId)}/purge", null)).StatusCode);
        (await http.PostAsync($"{Chat(chatId)}/trash", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsync($"{Chat(chatId)}/purge", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(Chat(chatId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{Chat(chatId)}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsync($"{Chat(chatId)}/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Ticket(ticket.Id))).StatusCode);
    }

    [Fact, Trait("Spec", "TIC-9"), Trait("Spec", "BIN-3")]
    public async Task TIC9_a_ticket_is_marked_as_spam_restored_and_deleted_from_its_options()
    {
        var http = Http();
        var ticketId = Guid.NewGuid();
        (await http.PostAsJsonAsync($"/api/v1/properties/{PropertyId}/tickets", new { ticketId, subject = "Buy now", requesterEmail = "spam@example.com" })).EnsureSuccessStatusCode();

        (await http.PostAsync($"{Ticket(ticketId)}/spam", null)).EnsureSuccessStatusCode();
        Assert.Equal(BinState.Spam, (await http.GetFromJsonAsync<TicketView>(Ticket(ticketId), Json))!.Bin);
        (await http.PostAsync($"{Ticket(ticketId)}/restore", null)).EnsureSuccessStatusCode();
        var restored = (await http.GetFromJsonAsync<TicketView>(Ticket(ticketId), Json))!;
        Assert.Equal((BinState.Inbox, TicketStatus.Open), (restored.Bin, restored.Status));
        (await http.PostAsync($"{Ticket(ticketId)}/trash", null)).EnsureSuccessStatusCode();
        Assert.Equal(BinState.Trashed, (await http.GetFromJsonAsync<TicketView>(Ticket(ticketId), Json))!.Bin);
    }

    [Fact, Trait("Spec", "X-2")]
    public async Task X2_the_openapi_document_names_every_conversation_operation()
    {
        var http = Http();
        var document = await http.GetStringAsync("/api/v1/openapi.json");

        string[] operations =
        [
            "CloseChat", "ConvertChatToTicket", "AssignChat", "WhisperChat", "ChangeChatTags", "TrashChat", "MarkSpamChat", "RestoreChat", "PurgeChat",
            "CreateTicket", "GetTicket", "GetTicketMessages", "ReplyToTicket", "SetTicketStatus", "AssignTicket", "SetTicketPriority",
            "WhisperTicket", "ChangeTicketTags", "TrashTicket", "MarkSpamTicket", "RestoreTicket", "PurgeTicket",
        ];
        Assert.All(operations, name => Assert.Contains($"\"operationId\": \"{name}\"", document));
    }

    private HttpClient Http() => _agent.Http;

    private string Chat(Guid id) => $"/api/v1/properties/{PropertyId}/chats/{id}";

    private string Ticket(Guid id) => $"/api/v1/properties/{PropertyId}/tickets/{id}";
}
