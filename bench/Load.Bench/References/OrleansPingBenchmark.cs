using Azure.Data.Tables;
using Conversations.Grains.Interfaces.Diagnostics;
using Conversations.Load.Bench.OpenLoop;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Conversations.Load.Bench.References;

/// <summary>
/// R3: an Orleans client in the bench process calls a grain that only answers (<see cref="IPingGrain"/>) on the
/// real silo through its gateway: open-loop latency at a steady rate, and closed-loop capacity.
/// </summary>
public static class OrleansPingBenchmark
{
    private const int Grains = 100;

    public static async Task<(LatencySummary Latency, LatencySummary Capacity)> RunAsync(BenchOptions options, BenchPlan plan)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, NoSignalLifetime>();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
            client.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(options.StorageConnectionString));
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var cluster = host.Services.GetRequiredService<IClusterClient>();
            var grains = Enumerable.Range(0, Grains).Select(i => cluster.GetGrain<IPingGrain>(i)).ToArray();
            await Task.WhenAll(grains.Select(g => g.PingAsync(0)));

            var schedule = OpenLoopSchedule.Rate(plan.PingRate, plan.LatencyDuration / 2, Grains);
            var latency = await OpenLoopRunner.RunAsync(
                schedule, (op, _) => grains[op.Client].PingAsync(op.Client), plan.OperationTimeout, plan.LatencyDuration / 2);
            BenchLog.Write("R3 Orleans ping", latency);
            var capacity = await ClosedLoopRunner.RunAsync(
                plan.CapacityConcurrency, plan.CapacityDuration, (worker, n) => grains[worker % Grains].PingAsync(n));
            BenchLog.Write("R3 Orleans ping capacity", capacity);
            return (latency, capacity);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
