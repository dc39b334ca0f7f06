using System.Collections.Concurrent;
using System.Text.Json;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.Tests.Infrastructure;

/// <summary>What an agent hub connection received: the conversations its live events were about, and access revocations.</summary>
public sealed class ConsoleFeed
{
    private readonly ConcurrentQueue<Guid> _conversations = new();
    private readonly TaskCompletionSource<string> _revoked = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ConsoleFeed(HubConnection hub)
    {
        hub.On<JsonElement>(RealtimeDelivery.EventMethod, evt => _conversations.Enqueue(evt.GetProperty("conversationId").GetGuid()));
        hub.On<JsonElement>(PropertyFeeds.AccessRevokedMethod, revoked => _revoked.TrySetResult(revoked.GetProperty("propertyId").GetString()!));
    }

    public IReadOnlyCollection<Guid> Conversations => _conversations;

    /// <summary>Listens on <paramref name="hub"/> and joins <paramref name="propertyId"/>'s feed.</summary>
    public static async Task<ConsoleFeed> JoinAsync(HubConnection hub, string propertyId)
    {
        var feed = new ConsoleFeed(hub);
        await hub.InvokeAsync("JoinProperty", propertyId);
        return feed;
    }

    public async Task WaitForAsync(Guid conversationId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!_conversations.Contains(conversationId))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No live event of {conversationId} arrived.");
            await Task.Delay(20);
        }
    }

    /// <summary>The property whose feed the server took away ("accessRevoked").</summary>
    public Task<string> RevokedAsync(TimeSpan within) => _revoked.Task.WaitAsync(within);
}
