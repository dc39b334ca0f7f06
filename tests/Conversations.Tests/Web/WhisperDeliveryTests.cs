using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.Tests.Web;

[Collection(WebCollection.Name)]
public sealed class WhisperDeliveryTests(WebFixture fixture) : IAsyncLifetime
{
    private SignedInAgent _agent = null!;

    private string PropertyId => _agent.PropertyId;

    public async Task InitializeAsync() => _agent = await SignedInAgent.CreateAsync(fixture);

    public Task DisposeAsync()
    {
        _agent.Dispose();
        return Task.CompletedTask;
    }

    [Fact, Trait("Spec", "TIC-4"), Trait("Spec", "X-3")]
    public async Task TIC4_a_whisper_reaches_agents_but_never_the_visitor_live_or_on_refetch()
    {
        await using var agent = await _agent.ConnectHubAsync(AgentHub.Path);
        var agentSaw = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.On<JsonElement>(RealtimeDelivery.EventMethod, evt =>
        {
            if (evt.GetProperty("type").GetString() == "messagePosted" && evt.GetProperty("message").GetProperty("isInternal").GetBoolean())
            {
                agentSaw.TrySetResult(evt.GetProperty("message").GetProperty("text").GetString()!);
            }
        });
        await agent.InvokeAsync("JoinProperty", PropertyId);

        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, PropertyId);
        var visitorTexts = new ConcurrentQueue<string>();
        var publicArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        visitor.Hub.On<JsonElement>(RealtimeDelivery.EventMethod, evt =>
        {
            if (evt.GetProperty("type").GetString() == "messagePosted")
            {
                var text = evt.GetProperty("message").GetProperty("text").GetString()!;
                visitorTexts.Enqueue(text);
                if (text == "public reply")
                {
                    publicArrived.TrySetResult();
                }
            }
        });
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Ann");

        var http = _agent.Http;
        var chat = $"/api/v1/properties/{PropertyId}/chats/{chatId}";
        (await http.PostAsJsonAsync($"{chat}/whispers", new { commandId = "w1", text = "secret note" })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"{chat}/messages", new { commandId = "m1", text = "public reply" })).EnsureSuccessStatusCode();

        Assert.Equal("secret note", await agentSaw.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await publicArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("secret note", visitorTexts);
        var refetched = await visitor.GetMessagesAsync(chatId);
        Assert.Equal(["public reply"], refetched.Select(m => m.Text));
    }
}
