using Azure.Data.Tables;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Interfaces.Visitors;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class PurgeTests(ClusterFixture fixture)
{
    private readonly string _property = "p-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _marker = "secret-" + Guid.NewGuid().ToString("N");

    [Fact, Trait("Spec", "BIN-2")]
    public async Task BIN2_a_purged_chat_is_gone_from_storage_and_every_way_back_is_refused()
    {
        var chatId = Guid.NewGuid();
        var chat = fixture.Client.GetGrain<IChatGrain>(chatId);
        // The visitor stays (only the chat is purged), so its id does not carry the marker.
        var visitorId = "visitor-" + Guid.NewGuid().ToString("N")[..8];
        await chat.StartAsync(new StartChat(_property, visitorId, "Ann " + _marker[..20]));
        await chat.PostMessageAsync(new PostMessage(_property, "c1", AuthorKind.Visitor, visitorId, "", "message " + _marker));
        var visitor = fixture.Client.GetGrain<IVisitorGrain>(VisitorKey.For(_property, visitorId));
        Assert.Contains(await visitor.GetHistoryAsync(), h => h.ConversationId == chatId);
        await chat.ChangeTagsAsync(new ChangeTags(_property, [_marker[..30]], null));
        Assert.True(await StorageMentionsAsync(_marker[..20]), "The check must see the content before the purge.");

        await chat.TrashAsync(_property);
        await chat.PurgeAsync(_property);
        await chat.PurgeAsync(_property);

        Assert.Equal(0, await MessageRowsAsync(chatId));
        await StorageScan.AssertPurgedAsync(fixture.Cluster.Settings.StorageConnectionString, chatId, _marker[..20]);
        Assert.DoesNotContain(await visitor.GetHistoryAsync(), h => h.ConversationId == chatId);
        await AssertNotFoundAsync(() => chat.GetAsync(_property));
        await AssertNotFoundAsync(() => chat.GetMessagesAsync(_property, 0, 10));
        await AssertNotFoundAsync(() => chat.PostMessageAsync(new PostMessage(_property, "c2", AuthorKind.Agent, "a", "Bo", "hi")));
        await AssertNotFoundAsync(() => chat.CloseAsync(_property));
        await AssertIrreversibleAsync(() => chat.RestoreAsync(_property));
        await AssertIrreversibleAsync(() => chat.TrashAsync(_property));
        await AssertIrreversibleAsync(() => chat.MarkSpamAsync(_property));
        await AssertIrreversibleAsync(() => chat.StartAsync(new StartChat(_property, visitorId, "Ann")));
        await AssertNotFoundAsync(() => chat.RestoreAsync("another-property"));
    }

    [Fact, Trait("Spec", "BIN-2")]
    public async Task BIN2_a_purged_ticket_is_gone_from_storage_and_cannot_be_created_again()
    {
        var ticketId = Guid.NewGuid();
        var ticket = fixture.Client.GetGrain<ITicketGrain>(ticketId);
        var create = new CreateTicket(_property, "Subject " + _marker[..20], new TicketRequester(null, "Ann", "ann@example.com"), TicketPriority.High, "body " + _marker);
        await ticket.CreateAsync(create);
        await ticket.MarkSpamAsync(_property);

        await ticket.PurgeAsync(_property);

        Assert.Equal(0, await MessageRowsAsync(ticketId));
        await StorageScan.AssertPurgedAsync(fixture.Cluster.Settings.StorageConnectionString, ticketId, _marker[..20]);
        await AssertNotFoundAsync(() => ticket.GetAsync(_property));
        await AssertNotFoundAsync(() => ticket.SetStatusAsync(_property, TicketStatus.Open));
        await AssertIrreversibleAsync(() => ticket.RestoreAsync(_property));
        await AssertIrreversibleAsync(() => ticket.CreateAsync(create));
    }

    private static async Task AssertNotFoundAsync(Func<Task> action) =>
        Assert.Equal(DomainErrorCode.NotFound, (await Assert.ThrowsAsync<DomainException>(action)).Code);

    private static async Task AssertIrreversibleAsync(Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<DomainException>(action);
        Assert.Equal(DomainErrorCode.Irreversible, error.Code);
        Assert.Contains("irreversible", error.Message);
    }

    private Task<int> MessageRowsAsync(Guid conversationId) =>
        MessageLogRows.CountAsync(fixture.Cluster.Settings.StorageConnectionString, conversationId);

    /// <summary>Whether any row of any table or any blob holds <paramref name="text"/>.</summary>
    private async Task<bool> StorageMentionsAsync(string text) =>
        (await StorageScan.FindAsync(fixture.Cluster.Settings.StorageConnectionString, text)).Count > 0;
}
