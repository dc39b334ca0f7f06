using System.Diagnostics;

namespace Conversations.Load.Bench.OpenLoop;

/// <summary>Times one event on its way to many receivers: until the first and until the last has it.</summary>
public sealed class FanOutTracker
{
    private readonly Lock _lock = new();
    private string? _eventId;
    private int _expected;
    private int _arrived;
    private long _sentAt;
    private long _firstAt;
    private TaskCompletionSource<(TimeSpan First, TimeSpan Last)>? _done;

    /// <summary>Expects <paramref name="receivers"/> arrivals of <paramref name="eventId"/>, timed from now.</summary>
    public Task<(TimeSpan First, TimeSpan Last)> Expect(string eventId, int receivers)
    {
        lock (_lock)
        {
            _eventId = eventId;
            _expected = receivers;
            _arrived = 0;
            _sentAt = Stopwatch.GetTimestamp();
            _done = new TaskCompletionSource<(TimeSpan, TimeSpan)>(TaskCreationOptions.RunContinuationsAsynchronously);
            return _done.Task;
        }
    }

    public void Arrived(string eventId)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            if (eventId != _eventId || _done is null)
            {
                return;
            }

            if (_arrived++ == 0)
            {
                _firstAt = now;
            }

            if (_arrived == _expected)
            {
                _done.TrySetResult((Stopwatch.GetElapsedTime(_sentAt, _firstAt), Stopwatch.GetElapsedTime(_sentAt, now)));
            }
        }
    }
}
