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
public sealed class WhisperDeliveryTests(WebFixture fixture)
{
    private readonly string _property = "p-" + Guid.NewGuid().ToString("N")[..8];

    [Fact, Trait("Spec", "TIC-4"), Trait("Spec", "X-3")]
    public async Task TIC4_a_whisper_reaches_agents_but_never_the_visitor_live_or_on_refetch()
    {
        await using var agent = await ConnectAsync(AgentHub.Path);
        var agentSaw = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.On<JsonElement>(RealtimeDelivery.EventMethod, evt =>
        {
            if (evt.GetProperty("type").GetString() == "messagePosted" && evt.GetProperty("message").GetProperty("isInternal").GetBoolean())
            {
                agentSaw.TrySetResult(evt.GetProperty("message").GetProperty("text").GetString()!);
            }
        });
        await agent.InvokeAsync("JoinProperty", _property);

        await using var visitor = await ConnectAsync(VisitorHub.Path);
        var visitorTexts = new ConcurrentQueue<string>();
        var publicArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        visitor.On<JsonElement>(RealtimeDelivery.EventMethod, evt =>
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
        await visitor.InvokeAsync<ChatView>("StartChat", _property, chatId, "visitor-1", "Ann");

        using var http = new HttpClient { BaseAddress = fixture.Web.BaseAddress };
        var chat = $"/api/v1/properties/{_property}/chats/{chatId}";
        (await http.PostAsJsonAsync($"{chat}/whispers", new { commandId = "w1", text = "secret note" })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"{chat}/messages", new { commandId = "m1", text = "public reply" })).EnsureSuccessStatusCode();

        Assert.Equal("secret note", await agentSaw.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await publicArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("secret note", visitorTexts);
        var refetched = await visitor.InvokeAsync<List<ConversationMessage>>("GetMessages", _property, chatId, "visitor-1", 0L);
        Assert.Equal(["public reply"], refetched.Select(m => m.Text));
    }

    private async Task<HubConnection> ConnectAsync(string path)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(fixture.Web.BaseAddress, path)).Build();
        await connection.StartAsync();
        return connection;
    }
}
