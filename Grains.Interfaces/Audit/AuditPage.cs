namespace Conversations.Grains.Interfaces.Audit;

/// <summary>A page of the audit log; <see cref="Continuation"/> asks for the next (null at the end).</summary>
[GenerateSerializer, Immutable, Alias("Conversations.AuditPage")]
public sealed record AuditPage(
    [property: Id(0)] IReadOnlyList<AuditEntry> Entries,
    [property: Id(1)] string? Continuation);
