using System.Globalization;
using System.Text;
using Conversations.Grains.Interfaces.Reports;

namespace Conversations.Web.Reports;

/// <summary>A report as CSV: a header, one row per day, then the period's totals. Only numbers and dates, so nothing needs quoting.</summary>
public static class ReportCsv
{
    public const string Header =
        "day,chats,tickets,missed,resolved,first_response_p50_s,first_response_p90_s,resolution_p50_s,resolution_p90_s,ratings_good,ratings_bad,sla_attainment," +
        "sla_met,sla_breached,first_response_sla_attainment,next_response_sla_attainment,resolution_sla_attainment";

    public static byte[] Of(ReportView report)
    {
        var csv = new StringBuilder().Append(Header).Append('\n');
        foreach (var day in report.Days)
        {
            Row(csv, day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day.Figures);
        }

        Row(csv, "total", report.Totals);
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static void Row(StringBuilder csv, string label, ReportFigures f) =>
        csv.AppendJoin(',', label, N(f.Chats), N(f.Tickets), N(f.Missed), N(f.Resolved), N(f.FirstResponseP50), N(f.FirstResponseP90),
            N(f.ResolutionP50), N(f.ResolutionP90), N(f.RatingsGood), N(f.RatingsBad), N(f.SlaAttainment),
            N(f.SlaMet), N(f.SlaBreached), N(f.FirstResponseSlaAttainment), N(f.NextResponseSlaAttainment), N(f.ResolutionSlaAttainment)).Append('\n');

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string N(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
