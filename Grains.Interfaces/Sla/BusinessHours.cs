namespace Conversations.Grains.Interfaces.Sla;

/// <summary>
/// When a property's team works (SLA-1): open intervals per day of the week in a time zone (an IANA id such as "Europe/Berlin"),
/// except on holidays (local dates). No intervals means open around the clock (holidays still count).
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.BusinessHours")]
public sealed record BusinessHours(
    [property: Id(0)] string TimeZone,
    [property: Id(1)] IReadOnlyList<BusinessInterval> Week,
    [property: Id(2)] IReadOnlyList<DateOnly> Holidays)
{
    public static BusinessHours AlwaysOpen { get; } = new("UTC", [], []);
}
