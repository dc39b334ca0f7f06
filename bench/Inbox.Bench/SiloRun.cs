using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Conversations.Grains.Inbox;
using Conversations.Grains.Interfaces.Inbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Conversations.Inbox.Bench;

/// <summary>
/// The real query path: an Orleans silo in this process (localhost clustering, checkpoints in memory) hosting the product's
/// grains. Rows are seeded through IInboxShardGrain.UpsertAsync (the call conversation grains make, checkpoints included);
/// each query is IInboxGrain.QueryAsync, which asks the 16 shard grains for keys and then the kept rows' shards for rows,
/// as the REST API and the agent hub do (they add the web node's hop, which this leaves out).
/// </summary>
public static class SiloRun
{
    private const string Property = "bench";

    /// <summary>Upserts in flight at once while seeding.</summary>
    public const int SeedingWindow = 2000;

    public static async Task<SizeResult> RunAsync(int size)
    {
        var store = new MemoryInboxCheckpointStore();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort(), FreePort(), serviceId: "inbox-bench", clusterId: $"inbox-bench-{Guid.NewGuid():N}");
            silo.Services.AddSingleton<IInboxCheckpointStore>(store);
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromHours(2));
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var inbox = grains.GetGrain<IInboxGrain>(Property);
            await inbox.QueryAsync(new InboxQuery());
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var rows = new BenchRows(seed: 7);
            var seeding = Stopwatch.StartNew();
            var inFlight = new List<Task>(SeedingWindow);
            for (var i = 0; i < size; i++)
            {
                var row = rows.Next();
                inFlight.Add(grains.GetGrain<IInboxShardGrain>(InboxShards.Key(Property, InboxShards.Of(row.Id))).UpsertAsync(row));
                if (inFlight.Count == SeedingWindow)
                {
                    await Task.WhenAll(inFlight);
                    inFlight.Clear();
                }
            }

            await Task.WhenAll(inFlight);
            seeding.Stop();
            // Checkpoints follow the upserts; let them finish before the store is emptied and memory measured.
            await Task.Delay(InboxShardGrain.RepairAfter * 2);
            Console.WriteLine($"silo {size,9} seeded in {seeding.Elapsed.TotalSeconds:F1} s; {store.Saved:N0} checkpoint entries written");
            store.Clear();
            var bytes = GC.GetTotalMemory(forceFullCollection: true) - before;

            var combos = BenchCombos.Of(rows);
            var totals = new long[combos.Length];
            for (var c = 0; c < combos.Length; c++)
            {
                totals[c] = (await inbox.QueryAsync(combos[c].Query)).Total;
            }

            for (var q = 0; q < 2000; q++)
            {
                await inbox.QueryAsync(combos[q % combos.Length].Query);
            }

            var alone = new double[combos.Length];
            for (var c = 0; c < combos.Length; c++)
            {
                var watch = Stopwatch.StartNew();
                for (var q = 0; q < 200; q++)
                {
                    await inbox.QueryAsync(combos[c].Query);
                }

                alone[c] = watch.Elapsed.TotalMilliseconds / 200;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"silo  {size,9} {combos[c].Name,-36} alone {alone[c]:F4} ms"));
            }

            var latencies = Callers.Run(combos.Length, c => inbox.QueryAsync(combos[c].Query));
            return Callers.Summarise(size, seeding.Elapsed, (double)bytes / size, alone, combos, totals, latencies);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
