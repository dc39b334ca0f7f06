namespace Conversations.Grains.Conversations;

/// <summary>
/// The work a kind of conversation owes grains and storage outside it after a committed change, beside the cleanup of a
/// purge that <see cref="ConversationCore{TState}"/> does itself. What is owed is durable in the state; the core runs
/// it after each change and retries it until done (<see cref="Common.RetryUntilDone"/>).
/// </summary>
public interface IConversationFollowUps<TState>
    where TState : class, IConversationState, new()
{
    /// <summary>Whether the state says work is owed.</summary>
    bool Due(TState state);

    /// <summary>Does the owed work; true when it changed the state in a way that is written with the next save. Throws when a part failed.</summary>
    Task<bool> RunAsync(Guid id, TState state);

    /// <summary>BIN-2: removes what other grains and storage keep of a purged conversation, from its tombstone; repeating it is harmless.</summary>
    Task RemovePurgedAsync(Guid id, TState tombstone);
}
