using Conversations.Grains.Interfaces.Sla;

namespace Conversations.Grains.Sla;

/// <summary>A property's SLA settings and the clocks of its open conversations (at most <see cref="SlaGrain.MaxClocks"/>).</summary>
[GenerateSerializer, Alias("Conversations.SlaState")]
public sealed class SlaState
{
    [Id(0)] public SlaSettings Settings { get; set; } = SlaSettings.Off;
    [Id(1)] public Dictionary<Guid, SlaClock> Clocks { get; set; } = [];
    [Id(2)] public List<Guid> RecentlyFinished { get; set; } = [];

    /// <summary>Numbers the breach emails, which the property's breach outbox takes once each.</summary>
    [Id(3)] public long NoticesSent { get; set; }

    /// <summary>
    /// SLA outcomes the reports have not confirmed yet (RPT-1), the latest per conversation. Written with the change that decided
    /// them and handed over after the write until the report follower confirms; a confirmed one is dropped from memory at once and
    /// from storage with the next write, so after a restart it may be handed over again, which changes nothing.
    /// </summary>
    [Id(4)] public Dictionary<Guid, SlaOutcome> OutcomesOwed { get; set; } = [];
}
