using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Inbox;

/// <summary>One selected conversation's outcome: done, or the refusal's code and message.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.BulkItemResult")]
public sealed record BulkItemResult(
    [property: Id(0)] Guid Id,
    [property: Id(1)] bool Succeeded,
    [property: Id(2)] DomainErrorCode? Error = null,
    [property: Id(3)] string? Message = null);
