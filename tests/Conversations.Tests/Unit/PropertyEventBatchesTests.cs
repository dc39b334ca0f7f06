using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Realtime;

namespace Conversations.Tests.Unit;

/// <summary>Group commit of a property's events (INB-6 live feed, OPS-1): what waits behind a write goes in the next one.</summary>
public sealed class PropertyEventBatchesTests
{
    private readonly PropertyEventBatches _batches = new();
    private readonly List<IReadOnlyList<ConversationEvent>> _writes = [];
    private TaskCompletionSource _firstWrite = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact, Trait("Spec", "INB-6")]
    public async Task INB6_events_published_while_a_write_is_in_flight_go_together_in_order_in_the_next_write()
    {
        var first = _batches.PublishAsync([Tagged("p", 1)], WriteAsync);
        await WaitForWritesAsync(1);
        var waiting = new[] { Tagged("p", 2), Tagged("p", 3), Tagged("p", 4) }.Select(e => _batches.PublishAsync([e], WriteAsync)).ToList();
        Assert.All(waiting, w => Assert.False(w.IsCompleted));

        _firstWrite.SetResult();
        await Task.WhenAll([first, .. waiting]).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(2, _writes.Count);
        Assert.Equal([2L, 3L, 4L], _writes[1].Select(e => e.Version));
    }

    [Fact, Trait("Spec", "INB-6")]
    public async Task INB6_a_failed_write_fails_every_call_in_it_and_the_next_calls_are_written_again()
    {
        var first = _batches.PublishAsync([Tagged("p", 1)], WriteAsync);
        await WaitForWritesAsync(1);
        var second = _batches.PublishAsync([Tagged("p", 2)], WriteAsync);
        var third = _batches.PublishAsync([Tagged("p", 3)], WriteAsync);

        _firstWrite.SetException(new TimeoutException("queue storage timed out"));

        await Assert.ThrowsAsync<TimeoutException>(() => first);
        await Task.WhenAll(second, third).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([2L, 3L], _writes[1].Select(e => e.Version));
    }

    [Fact, Trait("Spec", "INB-6")]
    public async Task INB6_properties_do_not_wait_for_each_other_and_a_write_stays_under_a_queue_messages_size()
    {
        var blocked = _batches.PublishAsync([Tagged("p", 1)], WriteAsync);
        await WaitForWritesAsync(1);
        await _batches.PublishAsync([Tagged("other", 1)], WriteAsync).WaitAsync(TimeSpan.FromSeconds(5));

        var many = Enumerable.Range(2, PropertyEventBatches.MaxEvents + 1).Select(v => _batches.PublishAsync([Tagged("p", v)], WriteAsync)).ToList();
        _firstWrite.SetResult();
        await Task.WhenAll([blocked, .. many]).WaitAsync(TimeSpan.FromSeconds(5));

        var ofP = _writes.Where(w => w[0].PropertyId == "p").ToList();
        Assert.Equal([1, PropertyEventBatches.MaxEvents, 1], ofP.Select(w => w.Count));
        Assert.Equal(Enumerable.Range(1, PropertyEventBatches.MaxEvents + 2).Select(v => (long)v), ofP.SelectMany(w => w).Select(e => e.Version));
    }

    [Fact, Trait("Spec", "INB-6")]
    public async Task INB6_a_propertys_lane_goes_once_its_writes_are_done_and_its_next_events_get_a_new_one()
    {
        var blocked = _batches.PublishAsync([Tagged("p", 1)], WriteAsync);
        await WaitForWritesAsync(1);
        await _batches.PublishAsync([Tagged("other", 1)], WriteAsync).WaitAsync(TimeSpan.FromSeconds(5));
        await WaitUntilAsync(() => _batches.LaneCount == 1);

        _firstWrite.SetResult();
        await blocked.WaitAsync(TimeSpan.FromSeconds(5));
        await WaitUntilAsync(() => _batches.LaneCount == 0);

        await _batches.PublishAsync([Tagged("p", 2)], WriteAsync).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([1L, 2L], _writes.Where(w => w[0].PropertyId == "p").SelectMany(w => w).Select(e => e.Version));
        await WaitUntilAsync(() => _batches.LaneCount == 0);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(10);
        }
    }

    private static TagsChanged Tagged(string propertyId, long version) => new(propertyId, Guid.NewGuid(), version, DateTimeOffset.UnixEpoch, ["vip"]);

    /// <summary>Records each write; the first write of property "p" waits until the test lets it end.</summary>
    private Task WriteAsync(IReadOnlyList<ConversationEvent> events)
    {
        bool first;
        lock (_writes)
        {
            first = !_writes.Any(w => w[0].PropertyId == "p") && events[0].PropertyId == "p";
            _writes.Add(events);
        }

        return first ? _firstWrite.Task : Task.CompletedTask;
    }

    private async Task WaitForWritesAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            lock (_writes)
            {
                if (_writes.Count >= count)
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "The write did not start.");
            await Task.Delay(5);
        }
    }
}
