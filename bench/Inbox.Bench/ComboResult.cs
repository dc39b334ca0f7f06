namespace Conversations.Inbox.Bench;

public sealed record ComboResult(string Name, double P50, double P99, long Total, double AloneMs);
