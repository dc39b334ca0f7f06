using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Routing;

/// <summary>Steps the routing and SLA tests share: online agents, chats with a first visitor message, and waiting on a condition.</summary>
public static class Routed
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>A member agent with an open console connection: online.</summary>
    public static async Task<Guid> OnlineAgentAsync(IClusterClient client, string propertyId)
    {
        var agent = await PropertyTeam.NewAgentAsync(client, propertyId);
        await client.GetGrain<IAgentGrain>(agent.Id).ConnectedAsync("console-" + Guid.NewGuid().ToString("N"));
        return agent.Id;
    }

    /// <summary>A chat whose visitor wrote once: what routing queues.</summary>
    public static async Task<Guid> ChatWithMessageAsync(IClusterClient client, string propertyId, string text = "Hello?")
    {
        var id = Guid.NewGuid();
        var chat = client.GetGrain<IChatGrain>(id);
        await chat.StartAsync(new StartChat(propertyId, "visitor-" + id.ToString("N")[..8], "Visitor"));
        await chat.PostMessageAsync(new PostMessage(propertyId, "first-" + id.ToString("N"), AuthorKind.Visitor, "visitor-" + id.ToString("N")[..8], "", text));
        return id;
    }

    public static async Task<Guid?> AssigneeAsync(IClusterClient client, string propertyId, Guid chatId) =>
        (await client.GetGrain<IChatGrain>(chatId).GetAsync(propertyId)).Assignee is { Kind: AssigneeKind.Agent } a ? Guid.Parse(a.Id) : null;

    public static Task<MessageAck> AgentReplyAsync(IClusterClient client, string propertyId, Guid chatId, Guid agentId) =>
        client.GetGrain<IChatGrain>(chatId).PostMessageAsync(new PostMessage(propertyId, "reply-" + Guid.NewGuid().ToString("N"), AuthorKind.Agent, agentId.ToString(), "Agent", "On it."));

    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? Patience);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}; last seen: {value}");
            await Task.Delay(100);
        }
    }
}
