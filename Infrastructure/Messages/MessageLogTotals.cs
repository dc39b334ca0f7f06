namespace Conversations.Infrastructure.Messages;

/// <summary>Message rows stored, the storage requests that stored them, and rows refused for back-pressure.</summary>
public sealed record MessageLogTotals(long Rows, long Requests, long Refused);
