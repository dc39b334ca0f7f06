using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Sla;

namespace Conversations.Grains.Reports;

/// <summary>
/// What the reports know of one conversation (RPT-1): only ids and times, never content, so a purge leaves nothing to remove.
/// <see cref="Version"/> is the last conversation version taken in: an event at or below it was applied already. <see cref="Sla"/> is
/// the latest SLA outcome taken in (SLA-1, by its own sequence). A conversation <see cref="Merged"/> into another (MRG-1) is not
/// resolved by the close that sealed it: the survivor carries on.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.ReportCard")]
public sealed record ReportCard(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] ConversationKind Kind,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] bool HasMessages = false,
    [property: Id(5)] string? AgentId = null,
    [property: Id(6)] string? DepartmentId = null,
    [property: Id(7)] string? FirstResponderId = null,
    [property: Id(8)] DateTimeOffset? FirstResponseAt = null,
    [property: Id(9)] DateTimeOffset? ResolvedAt = null,
    [property: Id(10)] ChatRatingValue Rating = ChatRatingValue.None,
    [property: Id(11)] DateTimeOffset? RatedAt = null,
    [property: Id(12)] bool Excluded = false,
    [property: Id(14)] SlaOutcome? Sla = null,
    [property: Id(15)] bool Merged = false)
{
    /// <summary>A chat counts once its visitor wrote (it is in the inbox then, INB-1); a ticket from its creation.</summary>
    public bool Counted => !Excluded && (Kind == ConversationKind.Ticket || HasMessages);

    /// <summary>A chat closed without an agent's reply.</summary>
    public bool Missed => Kind == ConversationKind.Chat && ResolvedAt is not null && FirstResponseAt is null;

    /// <summary>The agent a conversation counts for: its assignee, else the first agent who replied.</summary>
    public string? Agent => AgentId ?? FirstResponderId;
}
