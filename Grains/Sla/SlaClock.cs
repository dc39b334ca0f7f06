using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Sla;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Sla;

/// <summary>One open conversation's SLA clocks (SLA-1): the due time of each running target and what is needed to move them.</summary>
[GenerateSerializer, Alias("Conversations.SlaClock")]
public sealed class SlaClock
{
    [Id(0)] public ConversationKind Kind { get; set; }
    [Id(1)] public TicketPriority Priority { get; set; } = TicketPriority.Medium;

    /// <summary>The conversation's last version taken in: events at or below it are repeats.</summary>
    [Id(2)] public long Version { get; set; }

    /// <summary>When the clocks started (a ticket's creation, a chat's first visitor message); null for a chat nobody wrote in yet.</summary>
    [Id(3)] public DateTimeOffset? StartedAt { get; set; }

    [Id(4)] public bool Responded { get; set; }
    [Id(5)] public DateTimeOffset? FirstResponseDue { get; set; }

    /// <summary>The customer message that awaits the next reply, and its due time.</summary>
    [Id(6)] public DateTimeOffset? AwaitingSince { get; set; }
    [Id(7)] public DateTimeOffset? NextResponseDue { get; set; }

    /// <summary>Business time the resolution clock ran before it was last paused, and since when it runs again (null while pending).</summary>
    [Id(8)] public TimeSpan ResolutionUsed { get; set; }
    [Id(9)] public DateTimeOffset? RunningSince { get; set; }
    [Id(10)] public DateTimeOffset? ResolutionDue { get; set; }

    [Id(11)] public Guid? Agent { get; set; }

    /// <summary>Targets whose breach was announced (a bit per <see cref="SlaTarget"/>); the next-response bit clears when a new wait starts.</summary>
    [Id(12)] public int Announced { get; set; }

    /// <summary>When the conversation began (a chat's start: its clocks start with the visitor's first message).</summary>
    [Id(13)] public DateTimeOffset OpenedAt { get; set; }

    /// <summary>What its targets came to so far, for the reports (<see cref="SlaOutcome"/>); null before the first decision.</summary>
    [Id(14)] public SlaOutcome? Outcome { get; set; }

    public bool Paused => StartedAt is not null && RunningSince is null;

    public IEnumerable<(SlaTarget Target, DateTimeOffset Due)> Dues()
    {
        if (FirstResponseDue is { } first)
        {
            yield return (SlaTarget.FirstResponse, first);
        }

        if (NextResponseDue is { } next)
        {
            yield return (SlaTarget.NextResponse, next);
        }

        if (ResolutionDue is { } resolution)
        {
            yield return (SlaTarget.Resolution, resolution);
        }
    }

    public bool WasAnnounced(SlaTarget target) => (Announced & (1 << (int)target)) != 0;

    public void MarkAnnounced(SlaTarget target, bool announced) =>
        Announced = announced ? Announced | (1 << (int)target) : Announced & ~(1 << (int)target);
}
