namespace Conversations.Grains.Interfaces.Reports;

/// <summary>
/// What a report shows for a period, a day, an agent or a department (RPT-1). Times are seconds, read from histograms (within
/// 4.4 %); null when nothing was counted. SlaAttainment is the share of SLA targets met (SLA-1): met / (met + breached) over all
/// targets, and per target (first response, each next response, resolution); null when none was decided.
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
    [property: Id(10)] double? SlaAttainment,
    [property: Id(11)] long SlaMet,
    [property: Id(12)] long SlaBreached,
    [property: Id(13)] double? FirstResponseSlaAttainment,
    [property: Id(14)] double? NextResponseSlaAttainment,
    [property: Id(15)] double? ResolutionSlaAttainment)
{
    public static ReportFigures Of(ReportCounts counts) => new(
        counts.Chats, counts.Tickets, counts.Missed, counts.Resolved,
        counts.FirstResponse.Quantile(0.5), counts.FirstResponse.Quantile(0.9),
        counts.Resolution.Quantile(0.5), counts.Resolution.Quantile(0.9),
        counts.RatingsGood, counts.RatingsBad,
        Share(counts.SlaMet, counts.SlaBreached), counts.SlaMet, counts.SlaBreached,
        Share(counts.FirstResponseSlaMet, counts.FirstResponseSlaBreached),
        Share(counts.NextResponseSlaMet, counts.NextResponseSlaBreached),
        Share(counts.ResolutionSlaMet, counts.ResolutionSlaBreached));

    private static double? Share(long met, long breached) => met + breached > 0 ? Math.Round((double)met / (met + breached), 4) : null;
}
