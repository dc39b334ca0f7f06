using System.Globalization;

namespace Conversations.Load.Bench;

/// <summary>One offered rate held for a while, so that a profiler attached to the system sees only that load.</summary>
public sealed record SteadyLoad(double Rate, TimeSpan Duration)
{
    public static SteadyLoad Parse(string text) =>
        text.Split(':') is [var rate, var seconds]
        && double.TryParse(rate, CultureInfo.InvariantCulture, out var perSecond) && perSecond > 0
        && int.TryParse(seconds, CultureInfo.InvariantCulture, out var duration) && duration > 0
            ? new SteadyLoad(perSecond, TimeSpan.FromSeconds(duration))
            : throw new ArgumentException($"--steady takes RATE:SECONDS, e.g. 300:60, not '{text}'.");
}
