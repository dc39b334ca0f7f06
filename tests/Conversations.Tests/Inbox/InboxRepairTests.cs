using Azure.Data.Tables;
using Conversations.Grains.Inbox;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Hosting;
using Conversations.Infrastructure.Inbox;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Inbox;

/// <summary>The shard's side of crash repair: a version announced but never upserted is settled from the conversation grain.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InboxRepairTests(ClusterFixture fixture)
{
    [Fact, Trait("Spec", "INB-6"), Trait("Spec", "X-1")]
    public async Task INB6_an_announced_version_that_never_arrives_is_repaired_from_the_conversation()
    {
        var property = "repair-" + Guid.NewGuid().ToString("N")[..8];
        var chatId = Guid.NewGuid();
        var chat = fixture.Client.GetGrain<IChatGrain>(chatId);
        await chat.StartAsync(new StartChat(property, "visitor", "Ann"));
        await chat.PostMessageAsync(new PostMessage(property, "m-1", AuthorKind.Visitor, "visitor", "", "hello")); // v2, in the inbox from here (INB-1)
        var neverCreated = Guid.NewGuid();
        var shard = fixture.Client.GetGrain<IInboxShardGrain>(InboxShards.Key(property, InboxShards.Of(chatId)));
        var otherShard = fixture.Client.GetGrain<IInboxShardGrain>(InboxShards.Key(property, InboxShards.Of(neverCreated)));

        // As if the writer announced its next version (and, for the second, its first) and died before writing it.
        await shard.ExpectAsync(chatId, ConversationKind.Chat, 3);
        await otherShard.ExpectAsync(neverCreated, ConversationKind.Chat, 1);
        // The chat's own announcement (from its first message) is held under a lease, so the later one needs no write.
        Assert.NotNull((await EntityAsync(property, chatId))?.GetInt64("Expected"));
        Assert.Equal(1L, (await EntityAsync(property, neverCreated))?.GetInt64("Expected"));

        await Task.Delay(InboxShardGrain.RepairAfter * 3);

        Assert.Null((await EntityAsync(property, chatId))?.GetInt64("Expected"));
        Assert.Null((await EntityAsync(property, neverCreated))?.GetInt64("Expected"));
        var row = await shard.GetAsync(chatId);
        Assert.Equal((await chat.GetInboxRowAsync())! with { Tags = [] }, row! with { Tags = [] });
        Assert.Null(await otherShard.GetAsync(neverCreated));
    }

    [Fact, Trait("Spec", "INB-6"), Trait("Spec", "X-1")]
    public async Task INB6_a_shard_restarted_from_its_checkpoint_asks_each_held_announcement_for_the_current_row()
    {
        var property = "lease-" + Guid.NewGuid().ToString("N")[..8];
        var chatId = Guid.NewGuid();
        var chat = fixture.Client.GetGrain<IChatGrain>(chatId);
        await chat.StartAsync(new StartChat(property, "visitor", "Ann"));
        await chat.PostMessageAsync(new PostMessage(property, "first", AuthorKind.Visitor, "visitor", "", "hello")); // in the inbox from here (INB-1)
        var started = (await chat.GetInboxRowAsync())!;
        for (var i = 0; i < 2; i++)
        {
            await chat.PostMessageAsync(new PostMessage(property, "m" + i, AuthorKind.Visitor, "visitor", "", "hello"));
        }

        // The property's followers (reports, search) read a conversation they see a version gap in, and that activation
        // indexes the chat's row: let this chat's events reach them first, or a late one re-activates the chat and fills
        // the shard before it restarts from the checkpoint below (seen under the full suite's load).
        // Under the full suite's load a late follow-up can still re-activate the chat (and so fill the shard) between the
        // collection and the checkpoint: the setup is made again until the shard starts from the checkpoint alone.
        var shardKey = InboxShards.Key(property, InboxShards.Of(chatId));
        var shard = fixture.Client.GetGrain<IInboxShardGrain>(shardKey);
        var restartedAt = new List<long?>();
        for (var attempt = 0; attempt < 5 && restartedAt.LastOrDefault() != started.Version; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
            // As a shard that died after writing only its first checkpoint: the started row, and the announcement that
            // stood for the later versions too (they were announced in memory while it was held).
            await new TableInboxCheckpointStore(new TableServiceClient(fixture.Cluster.Settings.StorageConnectionString)).SaveAsync(
                shardKey, [new InboxCheckpoint(chatId, started, new InboxExpectation(ConversationKind.Chat, started.Version, DateTimeOffset.UtcNow))]);
            restartedAt.Add((await shard.GetAsync(chatId))?.Version);
        }

        Assert.True(restartedAt.LastOrDefault() == started.Version, $"The shard never restarted from the checkpoint alone (versions {string.Join(", ", restartedAt)}).");

        await Task.Delay(InboxShardGrain.RepairAfter * 3);

        // The shard first: asking the chat activates it, and an activation indexes its row itself.
        var indexed = (await shard.GetAsync(chatId))!;
        var current = (await chat.GetInboxRowAsync())!;
        Assert.Equal(started.Version + 2, current.Version);
        Assert.Equal(current with { Tags = [] }, indexed with { Tags = [] });
    }

    private async Task<TableEntity?> EntityAsync(string property, Guid id)
    {
        var table = new TableServiceClient(fixture.Cluster.Settings.StorageConnectionString).GetTableClient(StorageNames.InboxTable);
        var partition = InboxShards.Key(property, InboxShards.Of(id)).Replace('/', '_');
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, id.ToString("N"));
        return found.HasValue ? found.Value : null;
    }
}
