namespace Conversations.Grains.Common;

/// <summary>The last ids a follower let go of, at most <see cref="Kept"/>: a repeated start event of one of them is not taken for a new conversation.</summary>
public static class RecentIds
{
    public const int Kept = 500;

    public static void Add(List<Guid> recent, Guid id)
    {
        recent.Add(id);
        if (recent.Count > Kept)
        {
            recent.RemoveRange(0, recent.Count - Kept);
        }
    }
}
