using Azure.Data.Tables;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Cluster;

/// <summary>Restarts silos, so it runs on a cluster of its own.</summary>
public sealed class SiloRestartTests : IAsyncLifetime
{
    private ConversationsCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ConversationsCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact, Trait("Spec", "X-1")]
    public async Task X1_acknowledged_chat_state_and_messages_survive_a_silo_restart()
    {
        var chatId = Guid.NewGuid();
        var chat = _cluster.Client.GetGrain<IChatGrain>(chatId);
        await chat.StartAsync(new StartChat("restart-property", "visitor", "Ann"));
        var ack = await chat.PostMessageAsync(new PostMessage("restart-property", "cmd-1", AuthorKind.Visitor, "visitor", "Ann", "kept"));

        await _cluster.RestartSiloAsync(0);

        var view = await _cluster.Client.GetGrain<IChatGrain>(chatId).GetAsync("restart-property");
        Assert.Equal((ChatStatus.Open, 1L, ack.Version), (view.Status, view.MessageCount, view.Version));
        var messages = await chat.GetMessagesAsync("restart-property", 0, 10);
        Assert.Equal("kept", Assert.Single(messages).Text);

        // A retry of the acknowledged command after the restart is recognised, not stored again.
        var retried = await chat.PostMessageAsync(new PostMessage("restart-property", "cmd-1", AuthorKind.Visitor, "visitor", "Ann", "kept"));
        Assert.Equal(ack, retried);

        Assert.Equal(1, await MessageLogRows.CountAsync(_cluster.Settings.StorageConnectionString, chatId));
    }

    [Fact, Trait("Spec", "X-1"), Trait("Spec", "TIC-5"), Trait("Spec", "BIN-2")]
    public async Task X1_a_closed_ticket_and_a_purged_chat_stay_so_after_a_silo_restart()
    {
        const string property = "restart-property";
        var ticket = _cluster.Client.GetGrain<ITicketGrain>(Guid.NewGuid());
        await ticket.CreateAsync(new CreateTicket(property, "Kept", new TicketRequester(null, "Ann", "ann@example.com"), TicketPriority.High, "first"));
        var ack = await ticket.ReplyAsync(new ReplyToTicket(property, "send-1", "agent-1", "Bo", "done", TicketStatus.Closed));
        var chat = _cluster.Client.GetGrain<IChatGrain>(Guid.NewGuid());
        await chat.StartAsync(new StartChat(property, "visitor", "Ann"));
        await chat.TrashAsync(property);
        await chat.PurgeAsync(property);

        await _cluster.RestartSiloAsync(0);

        var view = await ticket.GetAsync(property);
        Assert.Equal((TicketStatus.Closed, 2L, ack.Version), (view.Status, view.MessageCount, view.Version));
        Assert.Equal(ack, await ticket.ReplyAsync(new ReplyToTicket(property, "send-1", "agent-1", "Bo", "done", TicketStatus.Closed)));
        var reopen = await Assert.ThrowsAsync<DomainException>(() => ticket.SetStatusAsync(property, TicketStatus.Open));
        Assert.Equal(DomainErrorCode.Irreversible, reopen.Code);
        Assert.Equal(DomainErrorCode.NotFound, (await Assert.ThrowsAsync<DomainException>(() => chat.GetAsync(property))).Code);
        var restart = await Assert.ThrowsAsync<DomainException>(() => chat.StartAsync(new StartChat(property, "visitor", "Ann")));
        Assert.Equal(DomainErrorCode.Irreversible, restart.Code);
    }
}
