using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Conversations.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Xunit.Abstractions;

namespace Conversations.Tests.Fuzz;

/// <summary>
/// X-1 by fuzzing: every operation of the OpenAPI document and every method of both hubs, called by every role with
/// plausible, boundary and hostile values and wrong JSON types. Size and seed: FUZZ_REQUESTS (10,000), FUZZ_SEED
/// (fixed, so a run can be repeated), FUZZ_CONCURRENCY (8). Figures go to the test output and test-artifacts/fuzz.json.
/// </summary>
public sealed class ApiFuzzTests(FuzzFixture fixture, ITestOutputHelper output) : IClassFixture<FuzzFixture>
{
    public const int DefaultSeed = 1616;

    [Fact, Trait("Spec", "X-1"), Trait("Spec", "ADM-4"), Trait("Spec", "X-2"), Trait("Spec", "X-3")]
    public async Task X1_fuzzed_rest_and_hub_calls_by_every_role_never_fail_on_the_server_nor_return_another_propertys_data()
    {
        var requests = Setting("FUZZ_REQUESTS", 10_000);
        var seed = Setting("FUZZ_SEED", DefaultSeed);
        var concurrency = Setting("FUZZ_CONCURRENCY", 8);

        using var http = new HttpClient { BaseAddress = fixture.Web.BaseAddress };
        using var document = JsonDocument.Parse(await http.GetStringAsync("/api/v1/openapi.json"));
        var operations = ApiOperation.ReadAll(document);
        var components = document.RootElement.GetProperty("components");

        await using var world = await FuzzWorld.CreateAsync(fixture.Cluster.Client, fixture.Web, seed);
        var report = new FuzzReport(seed);
        await using var runner = new FuzzRunner(world, operations, components, report);
        var clock = Stopwatch.StartNew();
        await runner.RunAsync(requests, concurrency);
        report.Duration = clock.Elapsed;

        var summary = report.Summary(operations.Count, runner.HubMethodCount);
        var closes = runner.HubSlots.SelectMany(s => s.CloseReasons).GroupBy(c => c.Key).Select(g => $"{g.Key} ×{g.Sum(c => c.Value)}").ToList();
        var closedWithError = runner.HubSlots.SelectMany(s => s.CloseReasons).Where(c => c.Key != HubSlot.ClosedWithoutError).Sum(c => c.Value);
        var unexpectedLogs = fixture.Logs.Entries.Where(e => !IsExpectedRefusal(e)).ToList();
        var refusalsLogged = fixture.Logs.Entries.Count(IsExpectedRefusal);
        summary += "Hub connections closed by the server (and opened again): " + (closes.Count == 0 ? "none" : string.Join("; ", closes))
            + $"; hub calls over SignalR's 32 KB message limit: {runner.OversizedHubCalls}" + Environment.NewLine
            + $"Errors logged by the silo and the web node: {unexpectedLogs.Count}"
            + (refusalsLogged > 0 ? $" (and {refusalsLogged:N0} refused hub calls, a HubException each, logged as errors)" : "") + Environment.NewLine;
        output.WriteLine(summary);
        foreach (var failure in report.Failures)
        {
            output.WriteLine("FAILURE " + failure);
        }

        foreach (var entry in unexpectedLogs.Take(30))
        {
            output.WriteLine("LOGGED " + entry + Environment.NewLine + entry.Exception);
        }

        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts, "fuzz.txt"), summary);
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts, "fuzz.json"), JsonSerializer.Serialize(new
        {
            report.Seed,
            report.Requests,
            DurationSeconds = Math.Round(report.Duration.TotalSeconds, 1),
            Concurrency = concurrency,
            DistinctEndpoints = report.Endpoints.Count,
            Operations = operations.Count,
            runner.HubMethodCount,
            Statuses = report.Statuses.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(),
            Endpoints = report.StatusesByEndpoint.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(),
            report.ServerErrors,
            report.FailureCount,
            Failures = report.Failures,
            UnexpectedLogs = unexpectedLogs.Select(e => e.ToString()).Take(100),
        }, new JsonSerializerOptions { WriteIndented = true }));

        Assert.True(report.Requests >= requests, $"Only {report.Requests} of {requests} requests were sent.");
        Assert.True(report.FailureCount == 0, $"{report.FailureCount} failures, first: {report.Failures.FirstOrDefault()}");
        Assert.Equal(0, report.ServerErrors);
        Assert.True(closedWithError <= runner.OversizedHubCalls,
            $"The server closed {closedWithError} hub connections, but only {runner.OversizedHubCalls} calls sent a message over its limit.");
        Assert.True(unexpectedLogs.Count == 0, $"{unexpectedLogs.Count} errors logged, first: {unexpectedLogs.FirstOrDefault()}");
        var missed = operations.Select(o => o.Name).Where(n => !report.Endpoints.ContainsKey(n)).ToList();
        Assert.True(requests < 5_000 || missed.Count == 0, "Never called: " + string.Join(", ", missed));
    }

    /// <summary>A hub call the hub refused on purpose (HubException); SignalR logs those as errors.</summary>
    private static bool IsExpectedRefusal(CapturedLogEntry entry) =>
        entry.Category.StartsWith("Microsoft.AspNetCore.SignalR", StringComparison.Ordinal) && entry.Exception is HubException;

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
