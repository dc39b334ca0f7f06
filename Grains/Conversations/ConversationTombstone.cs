using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Conversations;

/// <summary>BIN-2: the state a purged conversation keeps, so its id is refused forever and nothing else of it stays.</summary>
public static class ConversationTombstone
{
    public static TState Of<TState>(TState state, DateTimeOffset now, bool cleanupDue)
        where TState : class, IConversationState, new() =>
        new() { PropertyId = state.PropertyId, Version = state.Version, Bin = BinState.Purged, UpdatedAt = now, PurgeCleanupDue = cleanupDue };
}
