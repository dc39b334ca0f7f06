using Conversations.Grains.Interfaces.Sla;

namespace Conversations.Web.Sla;

/// <summary>SLA-1 settings: on/off, business hours (time zone, weekly intervals in minutes after midnight, holidays), policies per priority.</summary>
public sealed record SlaSettingsRequest(
    bool Enabled,
    BusinessHours? Hours,
    IReadOnlyList<SlaPolicy>? Policies,
    int BreachingSoonMinutes);
