namespace Conversations.Grains.Search;

/// <summary>
/// Searches of every property on this silo run at most one per core at a time, the others wait their turn in order. Run
/// all at once, 50 searches shared two cores by time slices, so each took 50 times as long and some waited 40 s behind
/// threads the pool kept adding (bench/results/search.md); in turn, a search waits only for those that came before it.
/// </summary>
public static class SearchSlots
{
    private static readonly SemaphoreSlim Slots = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>Runs <paramref name="search"/> on the thread pool once a slot is free.</summary>
    public static async Task<T> RunAsync<T>(Func<T> search)
    {
        await Slots.WaitAsync();
        try
        {
            return await Task.Run(search);
        }
        finally
        {
            Slots.Release();
        }
    }
}
