namespace Conversations.Grains.Common;

/// <summary>
/// Deferred work of many grains that started together (a burst of new chats, a silo restart) would otherwise come due
/// together and reach storage as one burst that every message waits behind; a random due time spreads it.
/// </summary>
public static class TimerSpread
{
    /// <summary>A random time between half and one and a half of <paramref name="period"/>: on average the period.</summary>
    public static TimeSpan Around(TimeSpan period) => period * (0.5 + Random.Shared.NextDouble());
}
