namespace Conversations.Grains.Interfaces.Audit;

/// <summary>Filters of the audit log, combined by AND (AUD-1); newest first, <see cref="Limit"/> per page.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.AuditQuery")]
public sealed record AuditQuery(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] string? ActorId = null,
    [property: Id(2)] string? Action = null,
    [property: Id(3)] string? TargetId = null,
    [property: Id(4)] DateTimeOffset? From = null,
    [property: Id(5)] DateTimeOffset? To = null,
    [property: Id(6)] int Limit = 50,
    [property: Id(7)] string? Continuation = null)
{
    public const int MaxLimit = 200;
}
