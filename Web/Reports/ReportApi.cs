using System.Globalization;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Reports;
using Conversations.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Reports;

/// <summary>Reports (RPT-1), answered from per-day aggregates; admins only, since they show each agent's figures.</summary>
public static class ReportApi
{
    public static IEndpointRouteBuilder MapReportApi(this IEndpointRouteBuilder endpoints)
    {
        var reports = endpoints.MapPropertyGroup("/reports").WithTags("Reports");
        reports.MapGet("", GetAsync).WithName("GetReport").AdminOnly()
            .WithSummary("Figures of UTC days from..to (yyyy-MM-dd, both included, at most 366 days; default the last 30): volume per day and by hour, " +
                "first response and resolution p50/p90 in seconds, ratings, missed chats, SLA attainment (share of SLA targets met, all and per target; " +
                "counted on the day a conversation started); of one agentId or departmentId; breakdown=true adds each agent and department (admins).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        reports.MapGet("/csv", GetCsvAsync).WithName("GetReportCsv").AdminOnly()
            .WithSummary("The same report as CSV, one row per day (admins).")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return endpoints;
    }

    private static async Task<Ok<ReportView>> GetAsync(
        string propertyId, IClusterClient cluster, TimeProvider clock, string? from = null, string? to = null, string? agentId = null, string? departmentId = null, bool breakdown = false) =>
        TypedResults.Ok(await cluster.GetGrain<IReportsGrain>(0).GetAsync(Query(propertyId, clock, from, to, agentId, departmentId, breakdown)));

    private static async Task<FileContentHttpResult> GetCsvAsync(
        string propertyId, IClusterClient cluster, TimeProvider clock, string? from = null, string? to = null, string? agentId = null, string? departmentId = null)
    {
        var report = await cluster.GetGrain<IReportsGrain>(0).GetAsync(Query(propertyId, clock, from, to, agentId, departmentId, breakdown: false));
        return TypedResults.File(ReportCsv.Of(report), "text/csv; charset=utf-8", $"report-{report.Query.From:yyyy-MM-dd}-{report.Query.To:yyyy-MM-dd}.csv");
    }

    private static ReportQuery Query(string propertyId, TimeProvider clock, string? from, string? to, string? agentId, string? departmentId, bool breakdown)
    {
        if (!string.IsNullOrWhiteSpace(agentId) && !string.IsNullOrWhiteSpace(departmentId))
        {
            throw DomainException.Invalid("Give agentId or departmentId, not both.");
        }

        var last = Day(to, "to") ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var first = Day(from, "from") ?? last.AddDays(-29);
        return new ReportQuery(propertyId, first, last, Id(agentId, "agentId"), Id(departmentId, "departmentId"), breakdown);
    }

    private static DateOnly? Day(string? text, string name) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw DomainException.Invalid($"'{name}' is a UTC day written yyyy-MM-dd.");

    private static string? Id(string? text, string name) =>
        string.IsNullOrWhiteSpace(text) ? null : TableKeys.Require(text.Trim(), name);
}
