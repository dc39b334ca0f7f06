using Azure.Data.Tables;
using Conversations.Load.Bench.OpenLoop;

namespace Conversations.Load.Bench.References;

/// <summary>
/// R4: raw inserts into a fresh table of the same Azurite the system uses, shaped like message rows
/// (partition = conversation, row = sequence), from concurrent workers: how many inserts/s storage takes.
/// </summary>
public static class TableInsertBenchmark
{
    public static async Task<LatencySummary> RunAsync(BenchOptions options, BenchPlan plan)
    {
        var table = new TableServiceClient(options.StorageConnectionString).GetTableClient($"LoadBenchInserts{Guid.NewGuid():N}"[..40]);
        await table.CreateAsync();
        try
        {
            var conversations = Enumerable.Range(0, plan.InsertConcurrency).Select(_ => Guid.NewGuid().ToString("N")).ToArray();
            var inserts = await ClosedLoopRunner.RunAsync(plan.InsertConcurrency, plan.CapacityDuration * 2, (worker, n) =>
                table.AddEntityAsync(new TableEntity(conversations[worker], (n + 1).ToString("D19"))
                {
                    ["Text"] = BenchPlan.MessageText,
                    ["AuthorKind"] = "Visitor",
                    ["AuthorId"] = "v-" + conversations[worker][..12],
                    ["CommandId"] = $"{conversations[worker]}-{n + 1}",
                    ["At"] = DateTimeOffset.UtcNow,
                }));
            BenchLog.Write($"R4 Azurite table inserts, {plan.InsertConcurrency} concurrent", inserts);
            return inserts;
        }
        finally
        {
            await table.DeleteAsync();
        }
    }
}
