namespace Conversations.Tests.MultiProcess;

/// <summary>One client call: when it started, how long it took, and why it failed (null when it succeeded).</summary>
public sealed record CallAttempt(DateTimeOffset At, TimeSpan Took, string? Error);
