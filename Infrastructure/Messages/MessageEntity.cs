using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Infrastructure.Messages;

/// <summary>One row of the message log (keys: <see cref="MessageLogKeys"/>).</summary>
internal sealed class MessageEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public long Sequence { get; set; }
    public string CommandId { get; set; } = "";
    public int AuthorKind { get; set; }
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public string Text { get; set; } = "";
    public bool IsInternal { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The conversation's version this row committed, or 0 when the conversation's state write commits it.</summary>
    public long Version { get; set; }

    /// <summary>The attachments as JSON, or null when there are none.</summary>
    public string? Attachments { get; set; }

    public static MessageEntity From(Guid conversationId, ConversationMessage message) => new()
    {
        PartitionKey = MessageLogKeys.PartitionOf(conversationId),
        RowKey = MessageLogKeys.RowKeyOf(conversationId, message.Sequence),
        Sequence = message.Sequence,
        CommandId = message.CommandId,
        AuthorKind = (int)message.AuthorKind,
        AuthorId = message.AuthorId,
        AuthorName = message.AuthorName,
        Text = message.Text,
        IsInternal = message.IsInternal,
        At = message.At,
        Attachments = message.Attachments is { Count: > 0 } attachments ? JsonSerializer.Serialize(attachments) : null,
    };

    public ConversationMessage ToMessage() =>
        new(Sequence, CommandId, (AuthorKind)AuthorKind, AuthorId, AuthorName, Text, IsInternal, At,
            Attachments is null ? null : JsonSerializer.Deserialize<List<MessageAttachment>>(Attachments));
}
