using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Microsoft.AspNetCore.SignalR.Client;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Web;

/// <summary>Agents attach files to chat messages and ticket replies (issue 19): upload, limits, foreign properties, purge.</summary>
[Collection(WebCollection.Name)]
public sealed class AttachmentUploadTests(WebFixture fixture) : IAsyncLifetime
{
    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private SignedInAgent _agent = null!;

    private string PropertyId => _agent.PropertyId;

    public async Task InitializeAsync() => _agent = await SignedInAgent.CreateAsync(fixture);

    public Task DisposeAsync()
    {
        _agent.Dispose();
        return Task.CompletedTask;
    }

    [Fact, Trait("Spec", "CHAT-1"), Trait("Spec", "X-1")]
    public async Task CHAT1_an_agent_attaches_a_picture_with_a_hostile_name_to_a_chat_message_and_downloads_it()
    {
        var chatId = await NewChatAsync();
        var content = Png("picture-" + Guid.NewGuid().ToString("N"));
        var upload = await _agent.Http.PostAsync($"{Chat(chatId)}/attachments", File(content, "../..\\dir/\u202Egnp.exe\u0007" + new string('x', 300) + ".png", "image/png"));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var attachment = await upload.Content.ReadFromJsonAsync<JsonElement>();
        var name = attachment.GetProperty("name").GetString()!;
        Assert.EndsWith(".png", name);
        Assert.True(name.Length <= 100 && !name.Contains('/') && !name.Contains('\\') && !name.Contains('\u202E') && !name.Contains('\u0007'), name);
        Assert.Equal(("image/png", content.Length), (attachment.GetProperty("contentType").GetString(), attachment.GetProperty("size").GetInt32()));

        var id = attachment.GetProperty("id").GetString()!;
        (await _agent.Http.PostAsJsonAsync($"{Chat(chatId)}/messages", new { commandId = "with-file", text = "", attachmentIds = new[] { id } })).EnsureSuccessStatusCode();
        var message = (await _agent.Http.GetFromJsonAsync<JsonElement>($"{Chat(chatId)}/messages"))[0];
        Assert.Equal(id, message.GetProperty("attachments")[0].GetProperty("id").GetString());
        Assert.Equal(name, message.GetProperty("attachments")[0].GetProperty("name").GetString());

        var download = await _agent.Http.GetAsync($"{Chat(chatId)}/attachments/{id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact, Trait("Spec", "TIC-2"), Trait("Spec", "X-1")]
    public async Task TIC2_a_ticket_reply_carries_an_uploaded_pdf()
    {
        var ticketId = Guid.NewGuid();
        (await _agent.Http.PostAsJsonAsync($"/api/v1/properties/{PropertyId}/tickets", new
        {
            ticketId, subject = "Invoice", requesterEmail = "ann@example.com", requesterName = "Ann", priority = 3, text = "Where is my invoice?",
        })).EnsureSuccessStatusCode();
        var ticket = $"/api/v1/properties/{PropertyId}/tickets/{ticketId}";
        var upload = await _agent.Http.PostAsync($"{ticket}/attachments", File("%PDF-1.4 invoice"u8.ToArray(), "invoice.pdf", "application/pdf"));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        (await _agent.Http.PostAsJsonAsync($"{ticket}/replies", new { commandId = "reply-1", text = "Attached", attachmentIds = new[] { id } })).EnsureSuccessStatusCode();
        var reply = (await _agent.Http.GetFromJsonAsync<JsonElement>($"{ticket}/messages"))[1];
        Assert.Equal(("invoice.pdf", "application/pdf"), (reply.GetProperty("attachments")[0].GetProperty("name").GetString(), reply.GetProperty("attachments")[0].GetProperty("contentType").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await _agent.Http.GetAsync($"{ticket}/attachments/{id}")).StatusCode);
    }

    [Fact, Trait("Spec", "X-1")]
    public async Task X1_uploads_over_the_size_limit_of_a_refused_type_or_without_a_file_are_refused_with_a_reason()
    {
        var chatId = await NewChatAsync();
        var url = $"{Chat(chatId)}/attachments";

        var tooLarge = await _agent.Http.PostAsync(url, File(Png(new string('a', 10 * 1024 * 1024)), "big.png", "image/png"));
        await AssertProblemAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge, "too large");

        var svg = await _agent.Http.PostAsync(url, File("<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray(), "a.svg", "image/svg+xml"));
        await AssertProblemAsync(svg, HttpStatusCode.UnsupportedMediaType, "image/svg+xml");
        var program = await _agent.Http.PostAsync(url, File("MZ\u0090\0program"u8.ToArray(), "photo.png", "image/png"));
        await AssertProblemAsync(program, HttpStatusCode.UnsupportedMediaType, "does not match");

        var empty = await _agent.Http.PostAsync(url, File([], "empty.txt", "text/plain"));
        await AssertProblemAsync(empty, HttpStatusCode.UnprocessableEntity, "not empty");
        await AssertProblemAsync(await _agent.Http.PostAsJsonAsync(url, new { file = "x" }), HttpStatusCode.UnsupportedMediaType, "multipart/form-data");

        var unknown = await _agent.Http.PostAsJsonAsync($"{Chat(chatId)}/messages", new { commandId = "ghost", text = "hi", attachmentIds = new[] { Guid.NewGuid().ToString("N") } });
        await AssertProblemAsync(unknown, HttpStatusCode.UnprocessableEntity, "upload it");
    }

    [Fact, Trait("Spec", "X-1"), Trait("Spec", "CHAT-1")]
    public async Task X1_an_agent_of_another_property_cannot_upload_to_download_from_or_reuse_files_of_a_chat()
    {
        var chatId = await NewChatAsync();
        var id = await UploadTextAsync(chatId);
        using var stranger = await SignedInAgent.CreateAsync(fixture);
        var foreign = $"/api/v1/properties/{stranger.PropertyId}/chats/{chatId}";
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.PostAsync($"{foreign}/attachments", File("hi"u8.ToArray(), "a.txt", "text/plain"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"{foreign}/attachments/{id}")).StatusCode);

        // A file of one chat is not listed by a message of another, even in the same property.
        var otherChat = await NewChatAsync();
        var reused = await _agent.Http.PostAsJsonAsync($"{Chat(otherChat)}/messages", new { commandId = "reuse", text = "hi", attachmentIds = new[] { id } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
    }

    [Fact, Trait("Spec", "BIN-2")]
    public async Task BIN2_a_purged_chat_leaves_no_uploaded_file()
    {
        var chatId = await NewChatAsync();
        var marker = "upload-" + Guid.NewGuid().ToString("N")[..12];
        var id = await UploadTextAsync(chatId, marker);
        (await _agent.Http.PostAsJsonAsync($"{Chat(chatId)}/messages", new { commandId = "m", text = "file", attachmentIds = new[] { id } })).EnsureSuccessStatusCode();
        (await _agent.Http.PostAsync($"{Chat(chatId)}/trash", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await _agent.Http.PostAsync($"{Chat(chatId)}/purge", null)).StatusCode);
        await StorageScan.AssertPurgedAsync(fixture.Cluster.Settings.StorageConnectionString, chatId, marker);
    }

    [Fact, Trait("Spec", "CHAT-3"), Trait("Spec", "BIN-2")]
    public async Task CHAT3_the_ticket_made_from_a_chat_keeps_its_own_copy_of_the_chats_files_after_the_chat_is_purged()
    {
        var chatId = await NewChatAsync();
        var id = await UploadTextAsync(chatId, "kept by the ticket");
        (await _agent.Http.PostAsJsonAsync($"{Chat(chatId)}/messages", new { commandId = "m", text = "file", attachmentIds = new[] { id } })).EnsureSuccessStatusCode();
        var converted = await _agent.Http.PostAsJsonAsync($"{Chat(chatId)}/ticket", new { visitorEmail = "ann@example.com" });
        var ticketId = (await converted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        (await _agent.Http.PostAsync($"{Chat(chatId)}/trash", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await _agent.Http.PostAsync($"{Chat(chatId)}/purge", null)).StatusCode);

        var ticketFile = await _agent.Http.GetAsync($"/api/v1/properties/{PropertyId}/tickets/{ticketId}/attachments/{id}");
        Assert.Equal("kept by the ticket", await ticketFile.Content.ReadAsStringAsync());
    }

    [Fact, Trait("Spec", "CHAT-1"), Trait("Spec", "X-1")]
    public async Task CHAT1_a_visitor_uploads_to_their_own_chat_sends_it_and_downloads_the_agents_file_but_not_from_another_chat()
    {
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, PropertyId, TestVisitor.UniqueAddress());
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Vic");
        using var anonymous = fixture.Web.CreateClient();
        var query = $"propertyId={PropertyId}&visitorToken={Uri.EscapeDataString(visitor.Session.VisitorToken)}";
        var widget = $"/api/v1/widget/chats/{chatId}/attachments";

        var upload = await anonymous.PostAsync($"{widget}?{query}", File(Png("visitor"), "screen.png", "image/png"));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await visitor.Hub.InvokeAsync<MessageAck>("SendMessageWithFiles", PropertyId, visitor.Session.VisitorToken, chatId, "v-1", "", new[] { id });
        var seenByAgent = (await _agent.Http.GetFromJsonAsync<JsonElement>($"{Chat(chatId)}/messages"))[0];
        Assert.Equal("screen.png", seenByAgent.GetProperty("attachments")[0].GetProperty("name").GetString());

        var agentFile = await UploadTextAsync(chatId, "from the agent");
        (await _agent.Http.PostAsJsonAsync($"{Chat(chatId)}/messages", new { commandId = "a-1", text = "see this", attachmentIds = new[] { agentFile } })).EnsureSuccessStatusCode();
        var download = await anonymous.GetAsync($"{widget}/{agentFile}?{query}");
        Assert.Equal("from the agent", await download.Content.ReadAsStringAsync());

        // Another visitor's token, a forged one, or another chat: nothing to see or add.
        await using var stranger = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, PropertyId, TestVisitor.UniqueAddress());
        var strangerQuery = $"propertyId={PropertyId}&visitorToken={Uri.EscapeDataString(stranger.Session.VisitorToken)}";
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{widget}/{agentFile}?{strangerQuery}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync($"{widget}?{strangerQuery}", File("x"u8.ToArray(), "x.txt", "text/plain"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync($"{widget}/{agentFile}?propertyId={PropertyId}&visitorToken=v1.x.y")).StatusCode);
        var refused = await anonymous.PostAsync($"{widget}?{query}", File("<svg/>"u8.ToArray(), "x.svg", "image/svg+xml"));
        await AssertProblemAsync(refused, HttpStatusCode.UnsupportedMediaType, "image/svg+xml");
    }

    private async Task<Guid> NewChatAsync()
    {
        var chatId = Guid.NewGuid();
        await fixture.Cluster.Client.GetGrain<IChatGrain>(chatId).StartAsync(new StartChat(PropertyId, "visitor-" + chatId.ToString("N")[..8], "Ann"));
        return chatId;
    }

    private async Task<string> UploadTextAsync(Guid chatId, string text = "notes")
    {
        var upload = await _agent.Http.PostAsync($"{Chat(chatId)}/attachments", File(Encoding.UTF8.GetBytes(text), "notes.txt", "text/plain"));
        upload.EnsureSuccessStatusCode();
        return (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    private static byte[] Png(string tail) => [.. PngHeader, .. Encoding.UTF8.GetBytes(tail)];

    private static MultipartFormDataContent File(byte[] content, string name, string type)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private string Chat(Guid id) => $"/api/v1/properties/{PropertyId}/chats/{id}";
}
