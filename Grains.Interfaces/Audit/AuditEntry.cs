namespace Conversations.Grains.Interfaces.Audit;

/// <summary>
/// One recorded action (AUD-1): who, when, what on which target, and the value before and after (short texts of ids, names and
/// settings; never message text, so a purge leaves nothing of a conversation's content here). <see cref="Id"/> orders newest first.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] string PropertyId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string ActorId,
    [property: Id(4)] string ActorName,
    [property: Id(5)] string Action,
    [property: Id(6)] string TargetKind,
    [property: Id(7)] string TargetId,
    [property: Id(8)] string? Before,
    [property: Id(9)] string? After);
