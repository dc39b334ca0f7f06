namespace Conversations.Inbox.Bench;

public sealed record SizeResult(int Size, TimeSpan Seeding, double BytesPerRow, double AloneMs, double P50, double P99, double Max, string Load, List<ComboResult> Combos);
