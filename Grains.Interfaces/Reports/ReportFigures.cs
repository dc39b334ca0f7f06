namespace Conversations.Grains.Interfaces.Reports;

/// <summary>
/// What a report shows for a period, a day, an agent or a department (RPT-1). Times are seconds, read from histograms (within
/// 4.4 %); null when nothing was counted. SlaAttainment is met / (met + breached), null until SLA-1 reports outcomes.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.ReportFigures")]
public sealed record ReportFigures(
    [property: Id(0)] long Chats,
    [property: Id(1)] long Tickets,
    [property: Id(2)] long Missed,
    [property: Id(3)] long Resolved,
    [property: Id(4)] double? FirstResponseP50,
    [property: Id(5)] double? FirstResponseP90,
    [property: Id(6)] double? ResolutionP50,
    [property: Id(7)] double? ResolutionP90,
    [property: Id(8)] long RatingsGood,
    [property: Id(9)] long RatingsBad,
    [property: Id(10)] double? SlaAttainment)
{
    public static ReportFigures Of(ReportCounts counts) => new(
        counts.Chats, counts.Tickets, counts.Missed, counts.Resolved,
        counts.FirstResponse.Quantile(0.5), counts.FirstResponse.Quantile(0.9),
        counts.Resolution.Quantile(0.5), counts.Resolution.Quantile(0.9),
        counts.RatingsGood, counts.RatingsBad,
        counts.SlaMet + counts.SlaBreached > 0 ? Math.Round((double)counts.SlaMet / (counts.SlaMet + counts.SlaBreached), 4) : null);
}
