namespace Conversations.Grains.Interfaces.Sla;

/// <summary>Open hours on one day of the week, in minutes after local midnight (0 to 1440; 540 to 1020 is 09:00 to 17:00).</summary>
[GenerateSerializer, Immutable, Alias("Conversations.BusinessInterval")]
public sealed record BusinessInterval(
    [property: Id(0)] DayOfWeek Day,
    [property: Id(1)] int OpensAtMinute,
    [property: Id(2)] int ClosesAtMinute);
