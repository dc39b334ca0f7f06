using Conversations.Load.Bench.OpenLoop;

namespace Conversations.Tests.Bench;

/// <summary>The load benchmark's own logic (issue 10): open-loop schedules, latency from the scheduled time, the knee.</summary>
public sealed class LoadGeneratorTests
{
    [Fact]
    public void Each_client_sends_once_per_interval_from_its_own_phase()
    {
        var interval = TimeSpan.FromSeconds(10);
        var schedule = OpenLoopSchedule.PerClient(clients: 100, interval, duration: TimeSpan.FromSeconds(40), seed: 7);

        Assert.Equal(400, schedule.Count);
        Assert.Equal(schedule.OrderBy(o => o.At), schedule);
        Assert.All(schedule, o => Assert.InRange(o.At, TimeSpan.Zero, TimeSpan.FromSeconds(40)));
        foreach (var client in schedule.GroupBy(o => o.Client))
        {
            var times = client.Select(o => o.At).ToList();
            Assert.Equal(4, times.Count);
            Assert.All(times.Zip(times.Skip(1), (a, b) => b - a), gap => Assert.Equal(interval.TotalMilliseconds, gap.TotalMilliseconds, 6));
        }

        // Phases are spread: no tenth of the interval holds more than a quarter of the first round.
        Assert.All(schedule.Where(o => o.At < interval).GroupBy(o => (int)(o.At.TotalSeconds)), g => Assert.True(g.Count() < 25));
    }

    [Fact]
    public async Task Latency_counts_from_the_scheduled_time_when_answers_are_slow()
    {
        // Ten operations due every 10 ms, served one at a time in 50 ms each: the last one is due at 90 ms but
        // cannot finish before 500 ms. A closed-loop generator would report 50 ms; an open-loop one at least 410 ms.
        var server = new SemaphoreSlim(1, 1);
        var schedule = OpenLoopSchedule.Rate(perSecond: 100, TimeSpan.FromMilliseconds(100), clients: 1);
        var summary = await OpenLoopRunner.RunAsync(schedule, async (_, _) =>
        {
            await server.WaitAsync();
            try
            {
                await Task.Delay(50);
            }
            finally
            {
                server.Release();
            }
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));

        Assert.Equal(10, summary.Count);
        Assert.True(summary.MaxMs >= 410, $"The slowest operation took {summary.MaxMs} ms from its scheduled time.");
        Assert.True(summary.AchievedPerSecond < summary.OfferedPerSecond);
    }

    [Fact]
    public void The_knee_is_the_last_step_before_the_first_that_misses_the_bound()
    {
        LatencySummary Step(double offered, double achieved, double p99, long failed = 0) =>
            new((long)(achieved * 10), failed, offered, achieved, 5, 5, 10, p99, p99, p99, null);

        Assert.Equal(49, KneeFinder.Knee([Step(25, 25, 20), Step(50, 49, 200), Step(100, 100, 300), Step(200, 200, 20)], 250));
        Assert.Equal(25, KneeFinder.Knee([Step(25, 25, 20), Step(50, 40, 20)], 250));
        Assert.Equal(25, KneeFinder.Knee([Step(25, 25, 20), Step(50, 50, 20, failed: 5)], 250));
        Assert.Equal(0, KneeFinder.Knee([Step(25, 25, 251)], 250));
        Assert.Equal([25.0, 38, 56, 84], KneeFinder.Rates(25, 1.5, 100));
    }
}
