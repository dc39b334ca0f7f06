namespace Conversations.Grains.Interfaces.Reports;

/// <summary>
/// A report (RPT-1): the period's figures, each day's, new conversations by UTC hour of day over the period, and with a
/// breakdown each agent's and department's.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.ReportView")]
public sealed record ReportView(
    [property: Id(0)] ReportQuery Query,
    [property: Id(1)] ReportFigures Totals,
    [property: Id(2)] IReadOnlyList<ReportDayFigures> Days,
    [property: Id(3)] IReadOnlyList<long> ByHour,
    [property: Id(4)] IReadOnlyList<ReportBreakdownRow> Agents,
    [property: Id(5)] IReadOnlyList<ReportBreakdownRow> Departments);
