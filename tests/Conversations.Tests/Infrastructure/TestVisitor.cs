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

    /// <summary>
    /// Opens a session; <paramref name="forwardedFor"/> stands for the visitor's address (the shared test web node
    /// trusts X-Forwarded-For). By default each visitor gets an address of its own, so tests do not share per-address limits.
    /// </summary>
    public static async Task<TestVisitor> ConnectAsync(Uri baseAddress, string propertyId, string? forwardedFor = null, string? userAgent = null)
    {
        forwardedFor ??= UniqueAddress();
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/widget/sessions") { Content = JsonContent.Create(new { propertyId }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);

        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var session = (await response.Content.ReadFromJsonAsync<VisitorSession>())!;
        var hub = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, VisitorHub.Path), o =>
        {
            o.Headers["X-Forwarded-For"] = forwardedFor;
        })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        await hub.StartAsync();
        return new TestVisitor(session, hub);
    }

    /// <summary>An address in 198.18.0.0/15 (reserved for benchmarks, so it has no location).</summary>
    public static string UniqueAddress() => $"198.{18 + Random.Shared.Next(2)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    public Task<ChatView> StartChatAsync(Guid chatId, string? name = null) =>
        Hub.InvokeAsync<ChatView>("StartChat", PropertyId, Session.VisitorToken, chatId, name);

    public Task<MessageAck> SendAsync(Guid chatId, string commandId, string text) =>
        Hub.InvokeAsync<MessageAck>("SendMessage", PropertyId, Session.VisitorToken, chatId, commandId, text);

    public Task<List<ConversationMessage>> GetMessagesAsync(Guid chatId) =>
        Hub.InvokeAsync<List<ConversationMessage>>("GetMessages", PropertyId, Session.VisitorToken, chatId, 0L);

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
