namespace Conversations.Grains.Routing;

/// <summary>
/// Picks the next agent after the last one given a conversation, in a fixed order (by id), among those with room. An agent to
/// avoid (one that let the chat wait unanswered) is taken only when nobody else has room.
/// </summary>
public static class RoundRobin
{
    public static Guid? Next(IEnumerable<Guid> candidates, Guid? last, Func<Guid, bool> hasRoom, Guid? avoid = null)
    {
        var ordered = candidates.Distinct().Order().ToList();
        if (ordered.Count == 0)
        {
            return null;
        }

        var start = last is { } previous ? ordered.FindIndex(id => id.CompareTo(previous) > 0) : 0;
        if (start < 0)
        {
            start = 0;
        }

        Guid? fallback = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var agent = ordered[(start + i) % ordered.Count];
            if (!hasRoom(agent))
            {
                continue;
            }

            if (agent == avoid)
            {
                fallback = agent;
                continue;
            }

            return agent;
        }

        return fallback;
    }
}
