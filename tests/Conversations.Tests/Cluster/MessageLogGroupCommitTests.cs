using System.Diagnostics.Metrics;
using Azure.Data.Tables;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Messages;
using Conversations.Infrastructure.Messages;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Cluster;

/// <summary>Group commit of the message log (issue 17) against Azurite: rows of concurrent conversations share transactions.</summary>
public sealed class MessageLogGroupCommitTests : IAsyncLifetime
{
    private readonly MessageLogMeter _meter = new();
    private readonly MeterListener _listener = new();
    private long _rows;
    private long _requests;
    private TableMessageStore _store = null!;

    public async Task InitializeAsync()
    {
        var azurite = await SharedAzurite.GetAsync();
        var service = new TableServiceClient(azurite.ConnectionString);
        _store = new TableMessageStore(service, _meter);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == _meter.Meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name.EndsWith(".rows", StringComparison.Ordinal))
            {
                Interlocked.Add(ref _rows, value);
            }
            else if (instrument.Name.EndsWith(".requests", StringComparison.Ordinal))
            {
                Interlocked.Add(ref _requests, value);
            }
        });
        _listener.Start();
    }

    public Task DisposeAsync()
    {
        _listener.Dispose();
        _meter.Dispose();
        return Task.CompletedTask;
    }

    [Fact, Trait("Spec", "X-1")]
    public async Task X1_messages_of_many_conversations_committed_at_once_share_transactions_and_each_reads_back()
    {
        var conversations = Enumerable.Range(0, 400).Select(_ => Guid.NewGuid()).ToList();

        var outcomes = await Task.WhenAll(conversations.Select(id => _store.TryCommitAsync(id, Message(1, $"first of {id}"), 1)));

        Assert.All(outcomes, Assert.True);
        Assert.Equal(400, Interlocked.Read(ref _rows));
        Assert.True(Interlocked.Read(ref _requests) < 100, $"400 rows took {_requests} storage requests");
        foreach (var id in conversations.Take(20))
        {
            var row = Assert.Single(await _store.ReadCommittedAsync(id, 0, 10));
            Assert.Equal((1L, $"first of {id}", 1L), (row.Message.Sequence, row.Message.Text, row.Version));
        }
    }

    [Fact, Trait("Spec", "X-1")]
    public async Task X1_a_taken_sequence_in_a_shared_transaction_refuses_only_its_own_row()
    {
        var taken = Guid.NewGuid();
        Assert.True(await _store.TryCommitAsync(taken, Message(1, "acknowledged"), 1));
        var others = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToList();

        var late = _store.TryCommitAsync(taken, Message(1, "late write of an earlier activation"), 1);
        var outcomes = await Task.WhenAll(others.Select(id => _store.TryCommitAsync(id, Message(1, "new"), 1)));

        Assert.False(await late);
        Assert.All(outcomes, Assert.True);
        Assert.Equal("acknowledged", Assert.Single(await _store.ReadAsync(taken, 0, 10)).Text);
        foreach (var id in others.Take(20))
        {
            Assert.Single(await _store.ReadAsync(id, 0, 10));
        }
    }

    [Fact, Trait("Spec", "BIN-2")]
    public async Task BIN2_deleting_a_conversation_leaves_its_neighbours_in_the_partition()
    {
        var purged = Guid.NewGuid();
        var neighbours = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToList();
        for (var sequence = 1; sequence <= 3; sequence++)
        {
            Assert.True(await _store.TryCommitAsync(purged, Message(sequence, "gone"), sequence));
        }

        await Task.WhenAll(neighbours.Select(id => _store.TryCommitAsync(id, Message(1, "kept"), 1)));

        await _store.DeleteAllAsync(purged);

        Assert.Empty(await _store.ReadAsync(purged, 0, 10));
        Assert.All(await Task.WhenAll(neighbours.Select(id => _store.ReadAsync(id, 0, 10))), rows => Assert.Equal("kept", Assert.Single(rows).Text));
    }

    private static ConversationMessage Message(long sequence, string text) =>
        new(sequence, $"cmd-{Guid.NewGuid():N}", AuthorKind.Visitor, "visitor", "Ann", text, false, DateTimeOffset.UtcNow);
}
