using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Conversations.Grains.Interfaces.Common;
using Microsoft.Extensions.Options;

namespace Conversations.Web.Admission;

/// <summary>
/// The overload bound of a web node (OPS-3): a call past <see cref="AdmissionSettings.MaxCallsInFlight"/> is refused at
/// once as unavailable (hub "Unavailable", API 503 with Retry-After), which callers retry with the same command id.
/// Refusing at the edge costs almost nothing; queueing would make every caller wait longer than its retry.
/// </summary>
public sealed class NodeAdmission : IDisposable
{
    public const string RefusalMessage = "This node is at capacity; try again in a moment.";

    private static readonly Meter Meter = new("Conversations.Admission");
    private static readonly Counter<long> Refused = Meter.CreateCounter<long>("conversations.admission.refused", description: "Calls refused because the node was at capacity.");
    private readonly ConcurrencyLimiter _limiter;

    public NodeAdmission(IOptions<AdmissionSettings> settings)
    {
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = settings.Value.MaxCallsInFlight,
            QueueLimit = 0,
        });
    }

    /// <summary>A permit to dispose when the call ends, or <see cref="UnavailableException"/> when the node is full.</summary>
    public RateLimitLease Enter()
    {
        var lease = _limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        Refused.Add(1);
        throw new UnavailableException(RefusalMessage);
    }

    public void Dispose() => _limiter.Dispose();
}
