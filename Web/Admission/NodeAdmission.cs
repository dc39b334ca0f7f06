using System.Diagnostics.Metrics;
using Conversations.Grains.Interfaces.Common;
using Microsoft.Extensions.Options;

namespace Conversations.Web.Admission;

/// <summary>
/// The overload bound of a web node (OPS-3): a call past the bound is refused at once as unavailable (hub "Unavailable",
/// API 503 with Retry-After), which callers retry with the same command id. Refusing at the edge costs almost nothing;
/// queueing would make every caller wait longer than its retry. The bound adapts every <see cref="Window"/> to how long
/// calls take (<see cref="AdaptiveCallLimit"/>), between the settings' minimum and maximum.
/// </summary>
public sealed class NodeAdmission : IDisposable
{
    public const string RefusalMessage = "This node is at capacity; try again in a moment.";
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(250);

    private readonly Meter _meter = new("Conversations.Admission");
    private readonly Counter<long> _refused;
    private readonly AdaptiveCallLimit _limit;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private int _inFlight;
    private int _peakInFlight;
    private int _ended;
    private long _endedTicks;
    private long _windowEndsAt;

    public NodeAdmission(IOptions<AdmissionSettings> settings, TimeProvider clock)
    {
        var value = settings.Value;
        _limit = new AdaptiveCallLimit(value.MinCallsInFlight, value.MaxCallsInFlight, TimeSpan.FromMilliseconds(value.TargetCallMilliseconds));
        _clock = clock;
        _windowEndsAt = clock.GetTimestamp() + WindowTicks;
        _refused = _meter.CreateCounter<long>("conversations.admission.refused", description: "Calls refused because the node was at capacity.");
        _meter.CreateObservableGauge("conversations.admission.limit", () => Limit, description: "Calls this node admits at once now.");
        _meter.CreateObservableGauge("conversations.admission.in_flight", () => Volatile.Read(ref _inFlight), description: "Calls in progress on this node.");
    }

    /// <summary>The number of calls admitted at once now.</summary>
    public int Limit
    {
        get
        {
            lock (_gate)
            {
                return _limit.Current;
            }
        }
    }

    private long WindowTicks => (long)(Window.TotalSeconds * _clock.TimestampFrequency);

    /// <summary>A permit to dispose when the call ends, or <see cref="UnavailableException"/> when the node is full.</summary>
    public AdmissionPermit Enter()
    {
        lock (_gate)
        {
            if (_inFlight < _limit.Current)
            {
                _inFlight++;
                _peakInFlight = Math.Max(_peakInFlight, _inFlight);
                return new AdmissionPermit(this, _clock.GetTimestamp());
            }
        }

        _refused.Add(1);
        throw new UnavailableException(RefusalMessage);
    }

    internal void Exit(long startedAt)
    {
        var now = _clock.GetTimestamp();
        lock (_gate)
        {
            _inFlight--;
            _ended++;
            _endedTicks += now - startedAt;
            if (now < _windowEndsAt)
            {
                return;
            }

            _limit.Adjust(_peakInFlight, TimeSpan.FromSeconds(_endedTicks / (double)_ended / _clock.TimestampFrequency));
            _peakInFlight = _inFlight;
            _ended = 0;
            _endedTicks = 0;
            _windowEndsAt = now + WindowTicks;
        }
    }

    public void Dispose() => _meter.Dispose();
}
