using System.Diagnostics.Metrics;

namespace Conversations.Infrastructure.Messages;

/// <summary>
/// Counts of the message log's group commit, published as OpenTelemetry-style metrics (meter "Conversations.MessageLog"):
/// rows stored, storage requests that stored them (rows ÷ requests is the mean group size), rows refused for back-pressure.
/// </summary>
public sealed class MessageLogMeter : IDisposable
{
    public const string MeterName = "Conversations.MessageLog";

    private readonly Meter _meter = new(MeterName);

    public Meter Meter => _meter;
    private readonly Counter<long> _rows;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _refused;

    public MessageLogMeter()
    {
        _rows = _meter.CreateCounter<long>("conversations.message_log.rows", description: "Message rows stored");
        _requests = _meter.CreateCounter<long>("conversations.message_log.requests", description: "Storage requests (single writes or transactions) that stored message rows");
        _refused = _meter.CreateCounter<long>("conversations.message_log.refused", description: "Message rows refused because too many were waiting");
    }

    private long _rowsTotal;
    private long _requestsTotal;
    private long _refusedTotal;

    /// <summary>The counts since the silo started, for the silo's diagnostics endpoint and the load benchmark.</summary>
    public MessageLogTotals Totals => new(Interlocked.Read(ref _rowsTotal), Interlocked.Read(ref _requestsTotal), Interlocked.Read(ref _refusedTotal));

    public void Committed(int rows)
    {
        _rows.Add(rows);
        _requests.Add(1);
        Interlocked.Add(ref _rowsTotal, rows);
        Interlocked.Increment(ref _requestsTotal);
    }

    public void Refused()
    {
        _refused.Add(1);
        Interlocked.Increment(ref _refusedTotal);
    }

    public void Dispose() => _meter.Dispose();
}
