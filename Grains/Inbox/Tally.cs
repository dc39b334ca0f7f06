namespace Conversations.Grains.Inbox;

/// <summary>How many rows of a set fall in each <see cref="InboxCells">cell</see>; the array is made on the first row.</summary>
internal sealed class Tally
{
    private int[]? _counts;

    public void Add(int cell, int delta)
    {
        _counts ??= new int[InboxCells.Count];
        _counts[cell] += delta;
    }

    /// <summary>The rows in the cells of <paramref name="cells"/>, or in those at <paramref name="priority"/> (all when negative).</summary>
    public long Sum(InboxCells cells, int priority = -1)
    {
        if (_counts is not { } counts)
        {
            return 0;
        }

        long sum = 0;
        foreach (var cell in cells.Members)
        {
            if (priority < 0 || cell % InboxCells.Priorities == priority)
            {
                sum += counts[cell];
            }
        }

        return sum;
    }
}
