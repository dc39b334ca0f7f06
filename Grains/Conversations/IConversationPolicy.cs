using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Realtime;

namespace Conversations.Grains.Conversations;

/// <summary>
/// What one kind of conversation (chat, ticket) decides on its own, as plain rules over its state: the
/// <see cref="ConversationCore{TState}"/> asks it and does the storing, publishing and indexing. No Orleans in here.
/// </summary>
public interface IConversationPolicy<TState>
    where TState : class, IConversationState, new()
{
    /// <summary>"The chat" or "The ticket", for error messages.</summary>
    string Noun { get; }

    /// <summary>Which kind of inbox row the conversation makes (announced with every change, so not built from a whole row).</summary>
    ConversationKind Kind { get; }

    /// <summary>
    /// True when a message's row may commit it alone: a plain message then changes nothing in the state but
    /// the count, version, update time and remembered acknowledgement, all of which the row carries.
    /// </summary>
    bool RowsCommitMessages { get; }

    /// <summary>
    /// Whether an existing conversation is in the inbox (INB-1). A purged conversation always keeps its row (place
    /// Purged, no content) whatever this says.
    /// </summary>
    bool Listed(TState state);

    /// <summary>The first sequence of the visible transcript in the message log (a merge or split moves it, MRG-1).</summary>
    long FirstSequence(TState state);

    /// <summary>Whether the conversation is closed (for good: a closed chat or ticket is never reopened).</summary>
    bool Closed(TState state);

    /// <summary>Throws when the conversation takes no new messages now (closed, or busy rewriting its transcript).</summary>
    void EnsureAcceptsMessages(TState state);

    /// <summary>What the kind adds to the shared merge checks (MRG-1: in the inbox, not merged yet, not the survivor).</summary>
    void EnsureMergeable(TState state);

    /// <summary>Applies what sealing a merged conversation changes besides the link (closing it), and returns its events.</summary>
    IReadOnlyList<Func<long, ConversationEvent>> Seal(TState state, Guid id, DateTimeOffset now);

    /// <summary>
    /// What a purged conversation keeps: only what is needed to refuse its id forever. While <paramref name="cleanupDue"/>,
    /// a conversation may keep a little more (the ids its cleanup needs).
    /// </summary>
    TState Tombstone(TState state, DateTimeOffset now, bool cleanupDue);

    /// <summary>The conversation as a line of the inbox (INB-3).</summary>
    InboxRow InboxRow(Guid id, TState state);

    /// <summary>Notes what a message committed now (or replayed from its row) means to the state.</summary>
    void OnMessageApplied(TState state, ConversationMessage message);

    /// <summary>Adds to the state, in the same write, what the new events call for.</summary>
    void OnCommitting(TState state, IReadOnlyList<ConversationEvent> events);
}
