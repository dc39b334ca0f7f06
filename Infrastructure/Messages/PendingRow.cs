namespace Conversations.Infrastructure.Messages;

/// <summary>A row waiting for its partition's next transaction, and the caller waiting for the outcome.</summary>
internal sealed class PendingRow(MessageEntity entity, bool replace)
{
    public MessageEntity Entity { get; } = entity;

    /// <summary>Replace a row of the same key (a ticket's unacknowledged leftover), or insert and fail on a taken key.</summary>
    public bool Replace { get; } = replace;

    /// <summary>True once stored; false when an insert found its key taken.</summary>
    public TaskCompletionSource<bool> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the row adds to a transaction's body: the text and attachments (UTF-16 upper bound) and the fixed fields.</summary>
    public int Size { get; } = 2 * (entity.Text.Length + entity.AuthorName.Length + entity.CommandId.Length + (entity.Attachments?.Length ?? 0)) + 1024;
}
