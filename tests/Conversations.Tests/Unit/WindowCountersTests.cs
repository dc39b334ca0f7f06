using Conversations.Web.Visitors;
using Microsoft.Extensions.Time.Testing;

namespace Conversations.Tests.Unit;

/// <summary>Per-visitor limits on hub calls (CHAT-1 abuse limits): a window per key, counted without timers.</summary>
public sealed class WindowCountersTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly WindowCounters _counters;

    public WindowCountersTests() => _counters = new WindowCounters(permits: 2, TimeSpan.FromMinutes(1), _clock);

    [Fact, Trait("Spec", "CHAT-1")]
    public void CHAT1_a_key_gets_its_permits_per_window_then_is_told_when_its_window_ends()
    {
        Assert.True(_counters.TryAcquire("visitor-a", out _));
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(_counters.TryAcquire("visitor-a", out _));

        Assert.False(_counters.TryAcquire("visitor-a", out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(40), retryAfter);
        Assert.True(_counters.TryAcquire("visitor-b", out _), "keys are counted apart");

        _clock.Advance(TimeSpan.FromSeconds(40));
        Assert.True(_counters.TryAcquire("visitor-a", out _));
        Assert.True(_counters.TryAcquire("visitor-a", out _));
        Assert.False(_counters.TryAcquire("visitor-a", out _));
    }

    [Fact, Trait("Spec", "CHAT-1")]
    public void CHAT1_keys_whose_window_ended_are_dropped_by_a_later_call_and_start_afresh()
    {
        for (var i = 0; i < 100; i++)
        {
            Assert.True(_counters.TryAcquire($"visitor-{i}", out _));
        }

        Assert.True(_counters.TryAcquire("visitor-0", out _));
        Assert.False(_counters.TryAcquire("visitor-0", out _));
        Assert.Equal(100, _counters.KeyCount);

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(_counters.TryAcquire("visitor-new", out _));

        Assert.Equal(1, _counters.KeyCount);
        Assert.True(_counters.TryAcquire("visitor-0", out _));
        Assert.True(_counters.TryAcquire("visitor-0", out _));
        Assert.False(_counters.TryAcquire("visitor-0", out _));
    }
}
