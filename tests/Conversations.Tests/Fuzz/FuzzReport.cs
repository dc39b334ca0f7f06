using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Conversations.Tests.Fuzz;

/// <summary>What a fuzz run did: requests, endpoints reached, the status histogram, and every failure with its request.</summary>
public sealed class FuzzReport(int seed)
{
    private readonly ConcurrentDictionary<string, int> _statuses = new();
    private readonly ConcurrentDictionary<string, int> _endpoints = new();
    private readonly ConcurrentDictionary<string, int> _endpointsWithSuccess = new();
    private readonly ConcurrentDictionary<string, int> _roles = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, int>> _statusesByEndpoint = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private int _requests;
    private int _failureCount;

    public int Seed { get; } = seed;

    public int Requests => _requests;

    public int FailureCount => _failureCount;

    public IReadOnlyCollection<string> Failures => _failures;

    public IReadOnlyDictionary<string, int> Statuses => _statuses;

    public IReadOnlyDictionary<string, int> Endpoints => _endpoints;

    public IReadOnlyDictionary<string, int> EndpointsWithSuccess => _endpointsWithSuccess;

    /// <summary>Per endpoint, how often it answered each status.</summary>
    public IReadOnlyDictionary<string, SortedDictionary<string, int>> StatusesByEndpoint =>
        _statusesByEndpoint.ToDictionary(e => e.Key, e => new SortedDictionary<string, int>(e.Value, StringComparer.Ordinal));

    public TimeSpan Duration { get; set; }

    public void Record(string endpoint, FuzzRole role, string status, bool success)
    {
        Interlocked.Increment(ref _requests);
        _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        _endpoints.AddOrUpdate(endpoint, 1, (_, n) => n + 1);
        _roles.AddOrUpdate(role.ToString(), 1, (_, n) => n + 1);
        _statusesByEndpoint.GetOrAdd(endpoint, _ => new()).AddOrUpdate(status, 1, (_, n) => n + 1);
        if (success)
        {
            _endpointsWithSuccess.AddOrUpdate(endpoint, 1, (_, n) => n + 1);
        }
    }

    /// <summary>Keeps the first 50 failures in full; counts them all.</summary>
    public void Fail(string what)
    {
        if (Interlocked.Increment(ref _failureCount) <= 50)
        {
            _failures.Enqueue(what);
        }
    }

    /// <summary>Server errors among the answers: REST 5xx and hub calls that failed with an unexpected error.</summary>
    public int ServerErrors => _statuses.Where(s => s.Key.StartsWith('5') || s.Key == FuzzStatus.HubError).Sum(s => s.Value);

    public string Summary(int operationCount, int hubMethodCount)
    {
        var text = new StringBuilder();
        var seconds = Duration.TotalSeconds;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Fuzz: {Requests:N0} requests in {seconds:F1} s ({Requests / Math.Max(seconds, 0.001):F0}/s), seed {Seed}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Distinct endpoints: {Endpoints.Count} of {operationCount + hubMethodCount} ({operationCount} REST operations in the OpenAPI document, {hubMethodCount} hub methods); {EndpointsWithSuccess.Count} answered 2xx or a hub result at least once");
        text.AppendLine("Status histogram: " + string.Join(", ", Statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value:N0}")));
        text.AppendLine("Roles: " + string.Join(", ", _roles.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value:N0}")));
        text.AppendLine("Never answered 2xx or a hub result: " + string.Join(", ", Endpoints.Keys.Where(e => !EndpointsWithSuccess.ContainsKey(e)).Order(StringComparer.Ordinal)));
        text.AppendLine(CultureInfo.InvariantCulture, $"Server errors (5xx or unexpected hub errors): {ServerErrors}; failures: {FailureCount}");
        return text.ToString();
    }

    /// <summary>A value for a failure message: escaped, and cut to 300 characters with its length.</summary>
    public static string Show(string? text)
    {
        if (text is null)
        {
            return "(none)";
        }

        var quoted = JsonText.Quote(text.Length > 300 ? text[..300] : text);
        return text.Length > 300 ? $"{quoted}… ({text.Length:N0} chars)" : quoted;
    }
}

/// <summary>The histogram's labels for hub calls (REST answers are counted by status code).</summary>
public static class FuzzStatus
{
    public const string HubOk = "hub:ok";
    public const string HubRefused = "hub:refused";
    public const string HubBadArguments = "hub:bad-arguments";
    public const string HubClosed = "hub:closed";
    public const string HubUnauthorized = "hub:unauthorized";
    public const string HubError = "hub:error";
    public const string ClientError = "client:no-answer";

    /// <summary>Kestrel closed the connection on a request line over its limit before the client had sent it all (no 414 to read).</summary>
    public const string RequestLineReset = "reset:request-line-too-long";
}
