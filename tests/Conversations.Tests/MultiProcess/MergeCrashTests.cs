using System.Net;
using System.Net.Http.Json;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Conversations.Tests.MultiProcess;

/// <summary>
/// MRG-1 crash safety with real processes: the silo is killed (kill -9) in the middle of a merge, once while it seals the
/// sources and once after it copied the rows but before it committed them. After the silo is back, the merge is either not
/// there at all or complete, every message exactly once; the client's retry with the same merge id then completes it, once.
/// The silo pauses between the merge's steps (Conversations:Merge:PauseBetweenSteps) and logs each step it took, and the
/// kill follows the logged step, so that it lands where meant however slow the machine is.
/// </summary>
[Trait("Category", "MultiProcess"), Collection(MultiProcessCollection.Name)]
public sealed class MergeCrashTests(ITestOutputHelper output) : ProcessClusterTest
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(500);

    protected override Task<ProcessCluster> StartClusterAsync() => ProcessCluster.StartAsync(silos: 1, webs: 1,
        new Dictionary<string, string>
        {
            ["Conversations__Merge__PauseBetweenSteps"] = Pause.ToString(),
            ["Logging__LogLevel__Conversations.Grains.Tickets.TicketGrain"] = "Debug",
        });

    [Fact, Trait("Spec", "MRG-1"), Trait("Spec", "X-1")]
    public async Task MRG1_a_silo_killed_mid_merge_leaves_nothing_or_everything_merged_and_the_retry_completes_it_exactly_once()
    {
        using var admin = await ProcessCluster.SignInAsync(Cluster.WebNodes[0]);

        // Killed after the first of three seals (the next one is a pause later), and after the rows were written (the
        // commit is a pause later).
        foreach (var killAfter in new[] { ": sealed ", ": rows written" })
        {
            var survivor = await CreateTicketAsync(admin, "survivor");
            var sources = new List<Guid>();
            for (var i = 0; i < 3; i++)
            {
                sources.Add(await CreateTicketAsync(admin, $"source-{i}"));
            }

            var expected = new[] { "survivor" }.Concat(Enumerable.Range(0, 3).Select(i => $"source-{i}"))
                .SelectMany(name => new[] { $"{name} first", $"{name} reply" }).ToHashSet();
            var mergeId = "crash-" + Guid.NewGuid().ToString("N");
            var silo = Cluster.Node("silo-0");
            var stepTaken = silo.WaitForLineAsync(line => line.Contains(mergeId) && line.Contains(killAfter), TimeSpan.FromSeconds(30));
            var merging = admin.PostAsJsonAsync(Ticket(survivor) + "/merge", new { mergeId, sourceIds = sources });
            var step = await stepTaken;
            silo.Kill();
            output.WriteLine($"kill -9 of the silo right after it logged \"{step.Trim()}\"");
            try
            {
                var answer = await merging;
                output.WriteLine($"the merge request answered {(int)answer.StatusCode}");
                Assert.NotEqual(HttpStatusCode.OK, answer.StatusCode); // the kill cut the merge short
            }
            catch (HttpRequestException ex)
            {
                output.WriteLine($"the merge request failed: {ex.Message}");
            }

            await Cluster.StartSiloAsync(0);

            // After recovery (the survivor's next activation completes a merge it had begun): nothing or everything.
            var texts = (await MessagesAsync(admin, survivor)).Select(m => m.Text).ToList();
            var mergedSources = 0;
            foreach (var source in sources)
            {
                var view = (await admin.GetFromJsonAsync<TicketView>(Ticket(source), ProcessCluster.Json))!;
                mergedSources += view.MergedIntoId == survivor ? 1 : 0;
            }

            var everything = texts.Count == expected.Count && texts.ToHashSet().SetEquals(expected) && mergedSources == 3;
            var nothing = texts.Count == 2 && texts.All(t => t.StartsWith("survivor")) && mergedSources == 0;
            output.WriteLine($"after recovery: {(everything ? "everything" : nothing ? "nothing" : "PARTLY")} merged ({texts.Count} messages, {mergedSources} sources sealed)");
            Assert.True(everything || nothing, $"Partly merged: {texts.Count} messages ({string.Join(", ", texts)}), {mergedSources} of 3 sources sealed.");

            // The client retries with the same merge id: done, and nothing twice.
            var retry = await admin.PostAsJsonAsync(Ticket(survivor) + "/merge", new { mergeId, sourceIds = sources });
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            var final = (await MessagesAsync(admin, survivor)).Select(m => m.Text).ToList();
            Assert.Equal(expected.Order(), final.Order());
            var again = await admin.PostAsJsonAsync(Ticket(survivor) + "/merge", new { mergeId, sourceIds = sources });
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(expected.Count, (await MessagesAsync(admin, survivor)).Count);
        }
    }

    private static async Task<Guid> CreateTicketAsync(HttpClient admin, string name)
    {
        var id = Guid.NewGuid();
        (await admin.PostAsJsonAsync($"/api/v1/properties/{ProcessCluster.Property}/tickets",
            new { ticketId = id, subject = name, requesterEmail = "crash@example.com", text = $"{name} first" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync(Ticket(id) + "/replies", new { commandId = "r-" + id, text = $"{name} reply" })).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>The survivor's transcript, asked again while the cluster finds its grains after the restart.</summary>
    private static async Task<List<ConversationMessage>> MessagesAsync(HttpClient admin, Guid ticket)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await admin.GetAsync(Ticket(ticket) + "/messages?limit=1000");
            if (response.IsSuccessStatusCode || attempt == 30)
            {
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadFromJsonAsync<List<ConversationMessage>>(ProcessCluster.Json))!;
            }

            await Task.Delay(1000);
        }
    }

    private static string Ticket(Guid id) => $"/api/v1/properties/{ProcessCluster.Property}/tickets/{id}";
}
