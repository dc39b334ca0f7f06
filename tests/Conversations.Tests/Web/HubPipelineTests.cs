using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;

namespace Conversations.Tests.Web;

[Collection(WebCollection.Name)]
public sealed class HubPipelineTests(WebFixture fixture)
{

    [Fact, Trait("Spec", "CHAT-1"), Trait("Spec", "INB-6"), Trait("Spec", "X-3")]
    public async Task CHAT1_a_visitor_message_sent_over_the_visitor_hub_reaches_an_agent_hub_client()
    {
        using var signedIn = await SignedInAgent.CreateAsync(fixture);
        var property = signedIn.PropertyId;
        await using var agent = await signedIn.ConnectHubAsync(AgentHub.Path);
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.On<JsonElement>(RealtimeDelivery.EventMethod, evt =>
        {
            if (evt.GetProperty("type").GetString() == "messagePosted")
            {
                received.TrySetResult(evt);
            }
        });
        await agent.InvokeAsync("JoinProperty", property);

        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, property);
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Ann");
        var ack = await visitor.SendAsync(chatId, "cmd-1", "Hello from the widget");

        var evt = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(chatId, evt.GetProperty("conversationId").GetGuid());
        Assert.Equal(ack.Version, evt.GetProperty("version").GetInt64());
        Assert.Equal("Hello from the widget", evt.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact, Trait("Spec", "CHAT-1")]
    public async Task CHAT1_an_agent_reply_reaches_the_visitor_and_is_readable_over_rest()
    {
        using var signedIn = await SignedInAgent.CreateAsync(fixture);
        var property = signedIn.PropertyId;
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, property);
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        visitor.Hub.On<JsonElement>(RealtimeDelivery.EventMethod, evt =>
        {
            if (evt.GetProperty("type").GetString() == "messagePosted" &&
                evt.GetProperty("message").GetProperty("authorKind").GetString() == "Agent")
            {
                received.TrySetResult(evt);
            }
        });
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId);

        var http = signedIn.Http;
        var post = await http.PostAsJsonAsync($"/api/v1/properties/{property}/chats/{chatId}/messages", new { commandId = "r1", text = "How can I help?" });
        post.EnsureSuccessStatusCode();

        var evt = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("How can I help?", evt.GetProperty("message").GetProperty("text").GetString());
        var messages = await http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{property}/chats/{chatId}/messages");
        Assert.Equal("How can I help?", messages[0].GetProperty("text").GetString());
    }

    [Fact, Trait("Spec", "X-1")]
    public async Task X1_bad_input_gets_a_clear_error_not_a_server_error()
    {
        using var signedIn = await SignedInAgent.CreateAsync(fixture);
        var property = signedIn.PropertyId;
        var http = signedIn.Http;
        var unknown = await http.GetAsync($"/api/v1/properties/{property}/chats/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, property);
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId);
        var empty = await Assert.ThrowsAsync<HubException>(() => visitor.SendAsync(chatId, "c", "   "));
        Assert.Contains("empty", empty.Message);

        var tooLong = await http.PostAsJsonAsync($"/api/v1/properties/{property}/chats/{chatId}/messages", new { commandId = "c", text = new string('x', 5000) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
    }

    [Fact, Trait("Spec", "INB-6")]
    public async Task INB6_a_web_node_holds_one_subscription_per_topic_and_releases_it_when_the_last_listener_leaves()
    {
        using var signedIn = await SignedInAgent.CreateAsync(fixture);
        var property = signedIn.PropertyId;
        var stream = PropertyStream(property);

        await using var first = await signedIn.ConnectHubAsync(AgentHub.Path);
        await using var second = await signedIn.ConnectHubAsync(AgentHub.Path);
        await first.InvokeAsync("JoinProperty", property);
        await second.InvokeAsync("JoinProperty", property);
        Assert.Single(await stream.GetAllSubscriptionHandles());

        await first.InvokeAsync("LeaveProperty", property);
        Assert.Single(await stream.GetAllSubscriptionHandles());

        await second.StopAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await stream.GetAllSubscriptionHandles()).Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The subscription was not released within 10 s.");
            await Task.Delay(50);
        }
    }

    [Fact, Trait("Spec", "INB-6"), Trait("Spec", "CHAT-1")]
    public async Task INB6_visitors_share_their_propertys_one_subscription_and_each_gets_only_its_own_chat()
    {
        using var signedIn = await SignedInAgent.CreateAsync(fixture);
        var property = signedIn.PropertyId;
        var stream = PropertyStream(property);
        await using var ann = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, property);
        await using var bob = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, property);
        var (annChat, bobChat) = (Guid.NewGuid(), Guid.NewGuid());
        var annSaw = Record(ann, annChat);
        var bobSaw = Record(bob, bobChat);
        await ann.StartChatAsync(annChat, "Ann");
        await bob.StartChatAsync(bobChat, "Bob");
        Assert.Single(await stream.GetAllSubscriptionHandles());

        foreach (var (chat, text) in new[] { (annChat, "For Ann"), (bobChat, "For Bob") })
        {
            var post = await signedIn.Http.PostAsJsonAsync($"/api/v1/properties/{property}/chats/{chat}/messages", new { commandId = text, text });
            post.EnsureSuccessStatusCode();
        }

        Assert.Equal("For Ann", await annSaw.Reply.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("For Bob", await bobSaw.Reply.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal([annChat], annSaw.Chats.Distinct());
        Assert.Equal([bobChat], bobSaw.Chats.Distinct());
    }

    private IAsyncStream<ConversationEvent> PropertyStream(string propertyId) => fixture.Web.Services.GetRequiredService<IClusterClient>()
        .GetStreamProvider(ConversationsNames.StreamProvider)
        .GetStream<ConversationEvent>(StreamTopics.Property(propertyId));

    /// <summary>Every chat id a visitor's connection got events of, and the first agent reply in <paramref name="chatId"/>.</summary>
    private static (ConcurrentQueue<Guid> Chats, TaskCompletionSource<string> Reply) Record(TestVisitor visitor, Guid chatId)
    {
        var chats = new ConcurrentQueue<Guid>();
        var reply = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        visitor.Hub.On<JsonElement>(RealtimeDelivery.EventMethod, evt =>
        {
            var chat = evt.GetProperty("conversationId").GetGuid();
            chats.Enqueue(chat);
            if (chat == chatId && evt.GetProperty("type").GetString() == "messagePosted")
            {
                reply.TrySetResult(evt.GetProperty("message").GetProperty("text").GetString()!);
            }
        });
        return (chats, reply);
    }
}
