using Conversations.Grains.Inbox;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Inbox;

/// <summary>Stops a silo while writes are in flight, so it runs on a two-silo cluster of its own.</summary>
public sealed class InboxCrashConsistencyTests : IAsyncLifetime
{
    private ConversationsCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ConversationsCluster.StartAsync(silos: 2);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact, Trait("Spec", "INB-6"), Trait("Spec", "X-1")]
    public async Task INB6_after_a_silo_stops_mid_write_every_index_row_equals_its_conversation()
    {
        var property = "crash-" + Guid.NewGuid().ToString("N")[..8];
        var client = _cluster.Client;
        var chats = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();
        var tickets = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in chats)
        {
            await client.GetGrain<IChatGrain>(id).StartAsync(new StartChat(property, "v-" + id.ToString("N")[..6], "Visitor"));
            // A chat enters the inbox with its first message (INB-1), so every chat here has a row to compare.
            await client.GetGrain<IChatGrain>(id).PostMessageAsync(new PostMessage(property, "first-" + id, AuthorKind.Visitor, "v-" + id.ToString("N")[..6], "Visitor", "hi"));
        }

        foreach (var id in tickets)
        {
            await client.GetGrain<ITicketGrain>(id).CreateAsync(new CreateTicket(property, "Subject", new TicketRequester(null, null, "r@example.com"), TicketPriority.Medium, null));
        }

        var agents = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            agents.Add((await PropertyTeam.NewAgentAsync(client, property)).Id.ToString());
        }

        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await WriteAsync(random, property, agents, chats[random.Next(chats.Count)], tickets[random.Next(tickets.Count)], $"w{w}-{n++}");
                }
                catch (Exception)
                {
                    // Calls to the stopping silo fail; the writes that were acknowledged are what must be indexed.
                    await Task.Delay(50);
                }
            }
        })).ToList();

        await Task.Delay(1500);
        await _cluster.RestartSiloAsync(1);
        await Task.Delay(1500);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        // Rows that missed their upsert are repaired from announced versions; nothing here touches the conversations first.
        await Task.Delay(InboxShardGrain.RepairAfter * 4);
        var indexed = (await client.GetGrain<IInboxGrain>(property).GetAllAsync()).ToDictionary(r => r.Id);

        var truth = new List<InboxRow>();
        foreach (var id in chats)
        {
            truth.Add((await client.GetGrain<IChatGrain>(id).GetInboxRowAsync())!);
        }

        foreach (var id in tickets)
        {
            truth.Add((await client.GetGrain<ITicketGrain>(id).GetInboxRowAsync())!);
        }

        Assert.True(truth.Sum(t => t.Version) > 24 * 3, "Too few writes happened to prove anything.");
        foreach (var row in truth.Where(r => r.Place != BinState.Purged))
        {
            Assert.True(indexed.TryGetValue(row.Id, out var found), $"{row.Id} v{row.Version} is missing from the index.");
            Assert.Equal(row with { Tags = [] }, found with { Tags = [] });
            Assert.Equal(row.Tags, found.Tags);
        }

        Assert.Equal(truth.Count(r => r.Place != BinState.Purged), indexed.Count);
    }

    private async Task WriteAsync(Random random, string property, List<string> agents, Guid chatId, Guid ticketId, string commandId)
    {
        var chat = _cluster.Client.GetGrain<IChatGrain>(chatId);
        var ticket = _cluster.Client.GetGrain<ITicketGrain>(ticketId);
        try
        {
            switch (random.Next(6))
            {
                case 0:
                    await chat.PostMessageAsync(new PostMessage(property, commandId, AuthorKind.Agent, "agent-1", "Agent", "hello"));
                    break;
                case 1:
                    await ticket.ReplyAsync(new ReplyToTicket(property, commandId, "agent-1", "Agent", "reply", (TicketStatus)random.Next(1, 3)));
                    break;
                case 2:
                    await ticket.SetPriorityAsync(property, (TicketPriority)random.Next(1, 6));
                    break;
                case 3:
                    await chat.ChangeTagsAsync(new ChangeTags(property, ["t" + random.Next(5)], ["t" + random.Next(5)]));
                    break;
                case 4:
                    await ticket.AssignAsync(new AssignConversation(property, AssigneeKind.Agent, agents[random.Next(agents.Count)]));
                    break;
                default:
                    await (random.Next(2) == 0 ? chat.TrashAsync(property) : chat.RestoreAsync(property));
                    break;
            }
        }
        catch (DomainException)
        {
            // A rule refused it (in Trash, closed...): not a write.
        }
    }
}
