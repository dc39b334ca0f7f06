namespace Conversations.Grains.Interfaces.Sla;

/// <summary>SLA-1: a property's policies per priority, its business hours, and how early a conversation counts as "breaching soon".</summary>
[GenerateSerializer, Immutable, Alias("Conversations.SlaSettings")]
public sealed record SlaSettings(
    [property: Id(0)] bool Enabled,
    [property: Id(1)] BusinessHours Hours,
    [property: Id(2)] IReadOnlyList<SlaPolicy> Policies,
    [property: Id(3)] int BreachingSoonMinutes)
{
    public static SlaSettings Off { get; } = new(false, BusinessHours.AlwaysOpen, [], 30);
}
