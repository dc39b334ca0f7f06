namespace Conversations.Tests.Fuzz;

/// <summary>
/// Runs a fuzz: REST operations (70 %), agent hub methods (15 %) and visitor hub methods (15 %), each call drawn from a
/// random source seeded by (seed, index), so a failure names the index that repeats it with the same seed.
/// </summary>
public sealed class FuzzRunner : IAsyncDisposable
{
    private readonly FuzzWorld _world;
    private readonly FuzzReport _report;
    private readonly RestCalls _rest;
    private readonly HubCalls _hubs;

    public FuzzRunner(FuzzWorld world, IReadOnlyList<ApiOperation> operations, System.Text.Json.JsonElement components, FuzzReport report)
    {
        _world = world;
        _report = report;
        var canary = new CanaryWatch(world.Canary, report);
        _rest = new RestCalls(world, operations, components, report, canary);
        _hubs = new HubCalls(world, report, canary);
    }

    public int HubMethodCount => _hubs.MethodCount;

    public IEnumerable<HubSlot> HubSlots => _hubs.Slots;

    /// <summary>Calls whose arguments were over SignalR's message limit (each closes its connection).</summary>
    public int OversizedHubCalls => _hubs.OversizedCalls;

    public async Task RunAsync(int requests, int concurrency)
    {
        await _hubs.OpenAsync();
        await Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (index, _) =>
        {
            if (index > 0 && index % 1000 == 0)
            {
                await _world.RepairAsync();
            }

            var values = new FuzzValues(new Random(unchecked((_report.Seed * 1_000_003) + index)), _world.Pools);
            var kind = values.Random.Next(100);
            if (kind < 70)
            {
                await _rest.SendAsync(index, values);
            }
            else if (kind < 85)
            {
                await _hubs.AgentHubAsync(index, values);
            }
            else
            {
                await _hubs.VisitorHubAsync(index, values);
            }
        });
    }

    public ValueTask DisposeAsync() => _hubs.DisposeAsync();
}
