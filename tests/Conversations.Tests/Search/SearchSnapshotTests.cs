using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Search;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Hosting;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Search;

/// <summary>SRCH-1 "survives silo moves": the index goes on from its snapshot in blob storage. Restarts the silo, so it runs on a cluster of its own.</summary>
public sealed class SearchSnapshotTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string _property = "p-" + Guid.NewGuid().ToString("N")[..8];
    private ConversationsCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ConversationsCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private IConversationSearchGrain Search => _cluster.Client.GetGrain<IConversationSearchGrain>(_property);

    [Fact, Trait("Spec", "SRCH-1")]
    public async Task SRCH1_after_a_silo_move_the_index_is_restored_from_its_snapshot_not_rebuilt_from_the_tables()
    {
        var first = await NewTicketAsync("Axolotl tank", "the axolotl water is too warm");
        await NewTicketAsync("Heron", "a heron looked at the axolotl");
        var before = await SearchUntilAsync("axolotl", p => p.Total == 3);
        Assert.Equal(3, before.Total);
        Assert.Equal(2, before.Index.MessagesReadFromSource);

        await _cluster.RestartSiloAsync(0);

        var after = await SearchUntilAsync("axolotl", p => p.Total == 3 && !p.Index.Rebuilding);
        Assert.Equal(before.Hits.Select(h => (h.ConversationId, h.Sequence)), after.Hits.Select(h => (h.ConversationId, h.Sequence)));
        Assert.Equal((2L, 0L), (after.Index.MessagesRestored, after.Index.MessagesReadFromSource));
        Assert.NotNull(after.Index.SnapshotAt);
        Assert.Equal(2, after.Index.ConversationsTotal);

        // It goes on following the committed changes from where the snapshot was.
        await first.PostMessageAsync(new PostMessage(_property, "m2", AuthorKind.Agent, "agent-1", "Agent", "axolotl fed and happy"));
        var followed = await SearchUntilAsync("axolotl", p => p.Total == 4);
        Assert.Equal(4, followed.Total);
        Assert.Equal(0, followed.Index.MessagesReadFromSource);
    }

    [Fact, Trait("Spec", "SRCH-1"), Trait("Spec", "BIN-2")]
    public async Task SRCH1_a_purge_takes_the_conversation_out_of_the_snapshot_too()
    {
        var marker = "secret-" + Guid.NewGuid().ToString("N");
        var ticketId = Guid.NewGuid();
        var ticket = await NewTicketAsync("Pelican " + marker[..20], "pelican " + marker, ticketId);
        await SearchUntilAsync("pelican", p => p.Total == 2);
        await _cluster.RestartSiloAsync(0);
        var findings = await StorageScan.FindAsync(_cluster.Settings.StorageConnectionString, marker[..20]);
        Assert.Contains(findings, f => f.Container == StorageNames.SearchIndexContainer);

        await ticket.MarkSpamAsync(_property);
        await ticket.PurgeAsync(_property);

        Assert.Equal(0, (await Search.SearchAsync(Query("pelican"))).Total);

        // Only the search snapshot is this test's business (the purge tests cover the rest of storage).
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        List<StorageScan.Finding> left;
        do
        {
            await Task.Delay(200);
            left = (await StorageScan.FindAsync(_cluster.Settings.StorageConnectionString, marker[..20], ticketId.ToString("N"), ticketId.ToString("D")))
                .Where(f => f.Container == StorageNames.SearchIndexContainer).ToList();
        }
        while (left.Count > 0 && DateTime.UtcNow < until);
        Assert.True(left.Count == 0, "The search snapshot kept the purged conversation:\n" + string.Join("\n", left));
    }

    private async Task<ITicketGrain> NewTicketAsync(string subject, string text, Guid? id = null)
    {
        var ticket = _cluster.Client.GetGrain<ITicketGrain>(id ?? Guid.NewGuid());
        await ticket.CreateAsync(new CreateTicket(_property, subject, new TicketRequester(null, "Ann", "ann@example.com"), TicketPriority.Medium, text));
        return ticket;
    }

    private static ConversationSearchQuery Query(string text) => new(text, new InboxQuery(), IncludeWhispers: true);

    private async Task<ConversationSearchPage> SearchUntilAsync(string text, Func<ConversationSearchPage, bool> done)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var page = await Search.SearchAsync(Query(text));
            if (done(page) || DateTime.UtcNow > until)
            {
                return page;
            }

            await Task.Delay(100);
        }
    }
}
