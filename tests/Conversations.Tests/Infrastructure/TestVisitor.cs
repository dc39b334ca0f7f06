using System.Text.Json.Serialization;
using System.Net.Http.Json;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Web.Realtime;
using Conversations.Web.Visitors;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Tests.Infrastructure;

/// <summary>A widget-side client: a signed visitor session and a visitor hub connection.</summary>
public sealed class TestVisitor : IAsyncDisposable
{
    private TestVisitor(VisitorSession session, HubConnection hub)
    {
        Session = session;
        Hub = hub;
    }

    public VisitorSession Session { get; }

    public HubConnection Hub { get; }

    public string PropertyId => Session.PropertyId;

    public static async Task<TestVisitor> ConnectAsync(Uri baseAddress, string propertyId)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        var response = await http.PostAsJsonAsync("/api/v1/widget/sessions", new { propertyId });
        response.EnsureSuccessStatusCode();
        var session = (await response.Content.ReadFromJsonAsync<VisitorSession>())!;
        var hub = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, VisitorHub.Path)).AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        await hub.StartAsync();
        return new TestVisitor(session, hub);
    }

    public Task<ChatView> StartChatAsync(Guid chatId, string? name = null) =>
        Hub.InvokeAsync<ChatView>("StartChat", PropertyId, Session.VisitorToken, chatId, name);

    public Task<MessageAck> SendAsync(Guid chatId, string commandId, string text) =>
        Hub.InvokeAsync<MessageAck>("SendMessage", PropertyId, Session.VisitorToken, chatId, commandId, text);

    public Task<List<ConversationMessage>> GetMessagesAsync(Guid chatId) =>
        Hub.InvokeAsync<List<ConversationMessage>>("GetMessages", PropertyId, Session.VisitorToken, chatId, 0L);

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
