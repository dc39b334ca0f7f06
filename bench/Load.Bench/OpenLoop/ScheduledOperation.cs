namespace Conversations.Load.Bench.OpenLoop;

/// <summary>One operation of an open-loop run: due <paramref name="At"/> after the start, sent by <paramref name="Client"/>.</summary>
public readonly record struct ScheduledOperation(TimeSpan At, int Client);
