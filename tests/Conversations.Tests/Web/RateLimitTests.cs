using System.Net;
using System.Net.Http.Json;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Tests.Web;

/// <summary>A web node of its own with small limits, on the shared web fixture's cluster.</summary>
[Collection(WebCollection.Name)]
public sealed class RateLimitTests(WebFixture fixture) : IAsyncLifetime
{
    private ConversationsWebFactory _web = null!;
    private readonly string _property = "rl-" + Guid.NewGuid().ToString("N")[..10];

    public async Task InitializeAsync()
    {
        await fixture.Cluster.Client.GetGrain<IPropertyGrain>(_property).CreateAsync("Rate limits", null);
        _web = ConversationsWebFactory.Start(fixture.Cluster.Settings, new()
        {
            ["Conversations:RateLimits:VisitorSessionsPerMinutePerIp"] = "3",
            ["Conversations:RateLimits:NewChatsPerMinutePerIp"] = "2",
            ["Conversations:RateLimits:MessagesPerMinutePerVisitor"] = "4",
        });
    }

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact, Trait("Spec", "CHAT-1")]
    public async Task CHAT1_visitor_sessions_per_address_are_limited_with_429_and_retry_after()
    {
        using var http = new HttpClient { BaseAddress = _web.BaseAddress };
        for (var i = 0; i < 3; i++)
        {
            (await http.PostAsJsonAsync("/api/v1/widget/sessions", new { propertyId = _property })).EnsureSuccessStatusCode();
        }

        var refused = await http.PostAsJsonAsync("/api/v1/widget/sessions", new { propertyId = _property });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact, Trait("Spec", "CHAT-1")]
    public async Task CHAT1_new_chats_per_address_and_messages_per_visitor_are_limited_with_a_clear_hub_error()
    {
        await using var visitor = await TestVisitor.ConnectAsync(_web.BaseAddress, _property);
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId);
        await visitor.StartChatAsync(chatId); // resuming one's own chat is not a new chat
        await visitor.StartChatAsync(Guid.NewGuid());
        var chats = await Assert.ThrowsAsync<HubException>(() => visitor.StartChatAsync(Guid.NewGuid()));
        Assert.Contains("Too many new chats", chats.Message);

        for (var i = 0; i < 4; i++)
        {
            await visitor.SendAsync(chatId, "m" + i, "message " + i);
        }

        var messages = await Assert.ThrowsAsync<HubException>(() => visitor.SendAsync(chatId, "m4", "one too many"));
        Assert.Contains("Too many messages", messages.Message);
        Assert.Equal(4, (await visitor.GetMessagesAsync(chatId)).Count);
    }
}
