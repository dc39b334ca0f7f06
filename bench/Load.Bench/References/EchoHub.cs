using Microsoft.AspNetCore.SignalR;

namespace Conversations.Load.Bench.References;

/// <summary>The smallest hub that answers (R2 echo) and sends to a group (R2 broadcast).</summary>
public sealed class EchoHub : Hub
{
    public const string Path = "/hubs/echo";
    public const string EventMethod = "event";

    public string Echo(string payload) => payload;

    public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

    public Task Broadcast(string group, string payload) => Clients.Group(group).SendAsync(EventMethod, payload);
}
