using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Messages;

namespace Conversations.Grains.Conversations;

/// <summary>
/// The message ledger of one conversation: sequences, the acknowledgements kept to answer retried commands once,
/// commit of a message by its row alone, and the replay of rows committed after the state an activation read.
/// It works on the conversation's state (read through <paramref name="state"/>, which a purge replaces) and its rows.
/// </summary>
public sealed class MessageLedger(Guid conversationId, IMessageStore store, Func<IConversationState> state, Action<ConversationMessage> onApplied)
{
    /// <summary>How many acknowledgements are kept for deduplicating retried commands.</summary>
    public const int RememberedCommands = 256;

    private const int ReplayPageSize = 500;

    private IConversationState Current => state();

    /// <summary>The acknowledgement a command id got, while it is remembered.</summary>
    public MessageAck? EarlierAck(string commandId) => Current.RecentCommands.Find(c => c.CommandId == commandId)?.Ack;

    public ConversationMessage Next(
        string commandId, AuthorKind kind, string authorId, string authorName, string text, bool isInternal,
        DateTimeOffset at, IReadOnlyList<MessageAttachment>? attachments) =>
        new(Current.MessageCount + 1, commandId, kind, authorId, authorName, text, isInternal, at, attachments);

    /// <summary>
    /// Commits a plain message by inserting its row as the next version. Null when the sequence was taken by a write
    /// that landed after an earlier activation gave up on it (<see cref="ReplayAsync"/> takes that row in).
    /// </summary>
    public async Task<MessageAck?> TryCommitByRowAsync(ConversationMessage message)
    {
        var version = Current.Version + 1;
        return await store.TryCommitAsync(conversationId, message, version) ? Apply(new CommittedMessage(message, version)) : null;
    }

    /// <summary>Counts a message whose row is written and whose state write follows (the caller versions and remembers it).</summary>
    public void Count(ConversationMessage message)
    {
        Current.MessageCount = message.Sequence;
        onApplied(message);
    }

    /// <summary>
    /// Applies the message rows committed after the state this activation holds; returns how many. Their state is written
    /// without the acknowledgements (the rows carry them), so a fresh activation first remembers the last rows it has.
    /// </summary>
    public async Task<int> ReplayAsync()
    {
        var replayed = 0;
        var after = Current.RecentCommands.Count == 0 ? Math.Max(0, Current.MessageCount - RememberedCommands) : Current.MessageCount;
        IReadOnlyList<CommittedMessage> rows;
        do
        {
            rows = await store.ReadCommittedAsync(conversationId, after, ReplayPageSize);
            foreach (var row in rows.Where(r => r.Message.Sequence <= Current.MessageCount && r.Version > 0))
            {
                Remember(row.Message.CommandId, AckOf(row));
            }

            foreach (var row in rows.SkipWhile(r => r.Message.Sequence <= Current.MessageCount).TakeWhile(r => r.Message.Sequence == Current.MessageCount + 1))
            {
                Apply(row);
                replayed++;
            }

            after = rows.Count > 0 ? rows[^1].Message.Sequence : after;
        }
        while (rows.Count == ReplayPageSize && after <= Current.MessageCount);

        return replayed;
    }

    /// <summary>Whether the row at an acknowledged sequence still holds the message of <paramref name="commandId"/>.</summary>
    public async Task<bool> HoldsAsync(MessageAck ack, string commandId)
    {
        var stored = await store.ReadAsync(conversationId, ack.Sequence - 1, 1);
        return stored is [{ } message] && message.Sequence == ack.Sequence && message.CommandId == commandId;
    }

    /// <summary>
    /// Runs a state write without the remembered acknowledgements when rows commit messages (the rows hold them). Nothing
    /// else runs in the grain during the write (no reentrancy), so nothing misses the list meanwhile.
    /// </summary>
    public async Task WriteWithoutAcksAsync(Func<Task> write)
    {
        var remembered = Current.RecentCommands;
        Current.RecentCommands = [];
        try
        {
            await write();
        }
        finally
        {
            Current.RecentCommands = remembered;
        }
    }

    public void Remember(string commandId, MessageAck ack)
    {
        var recent = Current.RecentCommands;
        recent.Add(new RecentCommand(commandId, ack));
        if (recent.Count > RememberedCommands)
        {
            recent.RemoveRange(0, recent.Count - RememberedCommands);
        }
    }

    private MessageAck Apply(CommittedMessage row)
    {
        var message = row.Message;
        Current.MessageCount = message.Sequence;
        Current.Version = row.Version > 0 ? row.Version : Current.Version + 1;
        Current.UpdatedAt = message.At;
        onApplied(message);
        var ack = AckOf(row with { Version = Current.Version });
        Remember(message.CommandId, ack);
        return ack;
    }

    private MessageAck AckOf(CommittedMessage row) => new(conversationId, row.Message.Sequence, row.Version, row.Message.At);
}
