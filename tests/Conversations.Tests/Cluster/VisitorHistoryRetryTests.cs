using Azure.Data.Tables;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Visitors;
using Conversations.Tests.Infrastructure;
using Orleans.Core.Internal;

namespace Conversations.Tests.Cluster;

/// <summary>
/// X-1, VIS-5: a chat's change is acknowledged when the chat has stored it; the line in its visitor's history is work the
/// chat owes, retried until the visitor grain takes it. Here the visitor grain fails for real: its stored state is made
/// unreadable (so it cannot activate) while the chat changes, and repaired later.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class VisitorHistoryRetryTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _property = "p-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _visitorId = "v-" + Guid.NewGuid().ToString("N")[..8];

    [Fact, Trait("Spec", "X-1"), Trait("Spec", "VIS-5")]
    public async Task X1_VIS5_history_updates_that_failed_while_the_visitor_grain_was_down_are_retried_until_done()
    {
        var chat = fixture.Client.GetGrain<IChatGrain>(Guid.NewGuid());
        var started = await chat.StartAsync(new StartChat(_property, _visitorId, "Ann"));
        Assert.Equal("Open", Assert.Single(await Visitor.GetHistoryAsync()).Status);

        DateTimeOffset messageAt;
        await using (await BreakVisitorAsync())
        {
            // Both changes are acknowledged although the visitor grain cannot be reached; the history lags behind meanwhile.
            messageAt = (await chat.PostMessageAsync(new PostMessage(_property, "m-1", AuthorKind.Visitor, _visitorId, "", "Hello?"))).At;
            await chat.CloseAsync(_property);
            await Assert.ThrowsAnyAsync<Exception>(() => Visitor.GetHistoryAsync());
        }

        var line = await EventuallyAsync(async () => (await Visitor.GetHistoryAsync()).SingleOrDefault(h => h.Status == "Closed"));
        Assert.Equal((started.Id, started.CreatedAt, messageAt), (line.ConversationId, line.StartedAt, line.LastActivityAt));
    }

    [Fact, Trait("Spec", "BIN-2")]
    public async Task BIN2_a_purge_whose_visitor_history_cleanup_failed_finishes_it_later()
    {
        var chatId = Guid.NewGuid();
        var chat = fixture.Client.GetGrain<IChatGrain>(chatId);
        await chat.StartAsync(new StartChat(_property, _visitorId, "Ann"));
        await chat.PostMessageAsync(new PostMessage(_property, "m-1", AuthorKind.Visitor, _visitorId, "", "Hello?"));
        await chat.TrashAsync(_property);

        await using (await BreakVisitorAsync())
        {
            // The purge stands (irreversible), and the caller hears that a part of it is still owed.
            await Assert.ThrowsAsync<UnavailableException>(() => chat.PurgeAsync(_property));
            Assert.Equal(DomainErrorCode.NotFound, (await Assert.ThrowsAsync<DomainException>(() => chat.GetAsync(_property))).Code);
        }

        await EventuallyAsync(async () => (await Visitor.GetHistoryAsync()).Count == 0 ? "gone" : null);
        await EventuallyAsync(async () =>
            (await StorageScan.FindAsync(fixture.Cluster.Settings.StorageConnectionString, _visitorId)).Any(f => f.Key.Contains($"_chat_{chatId:N}")) ? null : "tombstone without the visitor");
    }

    private IVisitorGrain Visitor => fixture.Client.GetGrain<IVisitorGrain>(VisitorKey.For(_property, _visitorId));

    /// <summary>Makes the visitor's stored state unreadable (its grain then fails to activate) until the returned handle is disposed.</summary>
    private async Task<IAsyncDisposable> BreakVisitorAsync()
    {
        var table = new TableServiceClient(fixture.Cluster.Settings.StorageConnectionString).GetTableClient("OrleansGrainState");
        var suffix = $"_visitor_{_property}_{_visitorId}";
        TableEntity? stored = null;
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.RowKey == "visitor"))
        {
            if (row.PartitionKey.EndsWith(suffix, StringComparison.Ordinal))
            {
                stored = row;
            }
        }

        Assert.NotNull(stored);
        await Visitor.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        var broken = new TableEntity(stored.PartitionKey, stored.RowKey) { ["Data"] = "not a visitor state"u8.ToArray() };
        await table.UpsertEntityAsync(broken, TableUpdateMode.Replace);
        return new Repair(() => table.UpsertEntityAsync(stored, TableUpdateMode.Replace));
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "The owed history update never arrived.");
            await Task.Delay(200);
        }
    }

    private sealed class Repair(Func<Task> repair) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await repair();
    }
}
