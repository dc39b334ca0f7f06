using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Collision;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Merging;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Web.Realtime;

/// <summary>The console's live connection: joins a property's live feed and replies in chats.</summary>
[Authorize]
public sealed class AgentHub(
    IClusterClient cluster, PropertyFeeds feeds, PropertyAccess access, TopicRelay relay, AgentConnectionRenewals renewals, ConversationWatching watching) : Hub
{
    public const string Path = "/hubs/agent";

    /// <summary>Starts the property's live feed on this connection, until the agent leaves it or loses access (ADM-4).</summary>
    public Task JoinProperty(string propertyId) =>
        feeds.JoinAsync(AgentId, Context.ConnectionId, propertyId, () => access.RequireAsync(Context.User!, propertyId));

    public async Task LeaveProperty(string propertyId)
    {
        await access.RequireAsync(Context.User!, propertyId);
        await feeds.LeaveAsync(Context.ConnectionId, propertyId);
    }

    public async Task<MessageAck> SendMessage(string propertyId, Guid chatId, string commandId, string text)
    {
        var agentId = await access.RequireAsync(Context.User!, propertyId);
        return await cluster.GetGrain<IChatGrain>(chatId).PostMessageAsync(
            new PostMessage(propertyId, commandId, AuthorKind.Agent, agentId.ToString(), Context.User!.AgentName(), text));
    }

    /// <summary>
    /// COL-1: this connection has the conversation open (and writes a reply in it when <paramref name="isReplying"/>); every
    /// console of the property sees it live. One conversation per connection: watching another leaves the first.
    /// </summary>
    public async Task WatchConversation(string propertyId, Guid conversationId, bool isReplying)
    {
        var agentId = await access.RequireAsync(Context.User!, propertyId);
        if (conversationId == Guid.Empty)
        {
            throw new HubException("Name the conversation you view.");
        }

        if (!watching.Watches(Context.ConnectionId, propertyId, conversationId))
        {
            await EnsureConversationAsync(propertyId, conversationId);
        }

        await watching.WatchAsync(propertyId, new WatchReport(Context.ConnectionId, agentId, Context.User!.AgentName(), conversationId, isReplying));
    }

    /// <summary>A chat or a ticket of the property (NotFound, as a HubException, otherwise): nobody is shown viewing what does not exist.</summary>
    private async Task EnsureConversationAsync(string propertyId, Guid conversationId)
    {
        try
        {
            await cluster.GetGrain<IChatGrain>(conversationId).GetAsync(propertyId);
        }
        catch (DomainException ex) when (ex.Code == DomainErrorCode.NotFound)
        {
            try
            {
                await cluster.GetGrain<ITicketGrain>(conversationId).GetAsync(propertyId);
            }
            catch (DomainException notTicket) when (notTicket.Code == DomainErrorCode.NotFound)
            {
                throw new HubException("NotFound: There is no such conversation in this property.");
            }
        }
    }

    /// <summary>COL-1: this connection closed its conversation.</summary>
    public Task StopWatching() => watching.StopAsync(Context.ConnectionId);

    /// <summary>COL-1: who views and replies in the property's conversations now (the console reads it as it joins, then follows "watchers").</summary>
    public async Task<IReadOnlyList<WatchersChanged>> GetWatchers(string propertyId)
    {
        await access.RequireAsync(Context.User!, propertyId);
        return await cluster.GetGrain<IWatchersGrain>(propertyId).GetAsync();
    }

    /// <summary>MRG-1: merges tickets or chats into a ticket, as POST …/tickets/{id}/merge does.</summary>
    public async Task<MergeResult> MergeIntoTicket(string propertyId, Guid ticketId, string mergeId, IReadOnlyList<Guid> sourceIds)
    {
        await access.RequireAsync(Context.User!, propertyId);
        return await cluster.GetGrain<ITicketGrain>(ticketId).MergeAsync(new MergeIntoTicket(propertyId, mergeId, sourceIds ?? []));
    }

    /// <summary>MRG-1: moves messages of a ticket out into a new ticket, as POST …/tickets/{id}/split does.</summary>
    public async Task<TicketView> SplitTicket(string propertyId, Guid ticketId, string splitId, IReadOnlyList<long> sequences, string? subject)
    {
        await access.RequireAsync(Context.User!, propertyId);
        return await cluster.GetGrain<ITicketGrain>(ticketId).SplitAsync(new SplitTicket(propertyId, splitId, sequences ?? [], subject));
    }

    /// <summary>One page of the inbox list (INB-2..4), as GET …/inbox answers it.</summary>
    public async Task<InboxPage> QueryInbox(string propertyId, InboxQuery query)
    {
        await access.RequireAsync(Context.User!, propertyId);
        return await cluster.GetGrain<IInboxGrain>(propertyId).QueryAsync(query);
    }

    /// <summary>The caller's own presence: Online or Away (Offline is having no console open).</summary>
    public Task<AgentPresence> SetPresence(AgentPresence presence) => Me.SetPresenceAsync(presence);

    public override async Task OnConnectedAsync()
    {
        await Me.ConnectedAsync(Context.ConnectionId);
        renewals.Opened(AgentId, Context.ConnectionId);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        renewals.Closed(AgentId, Context.ConnectionId);
        feeds.Forget(Context.ConnectionId);
        await relay.LeaveAllAsync(Audience.Agents, Context.ConnectionId);
        await Me.DisconnectedAsync(Context.ConnectionId);
        try
        {
            await watching.StopAsync(Context.ConnectionId);
        }
        catch (Exception)
        {
            // The node's next renewal leaves this connection out, which ends its watch as well.
        }
    }

    private Guid AgentId => Context.User!.AgentId()!.Value;

    private IAgentGrain Me => cluster.GetGrain<IAgentGrain>(AgentId);
}
