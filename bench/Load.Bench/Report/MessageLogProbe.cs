using System.Net.Http.Json;

namespace Conversations.Load.Bench.Report;

/// <summary>
/// Reads the silo's message-log counters (GET /diagnostics/message-log) around a step, to report how many message rows
/// each storage request carried (group commit) and how many rows were refused for back-pressure.
/// </summary>
public sealed class MessageLogProbe(Uri? silo)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public async Task<Totals?> ReadAsync()
    {
        if (silo is null)
        {
            return null;
        }

        try
        {
            return await Http.GetFromJsonAsync<Totals>(new Uri(silo, "/diagnostics/message-log"));
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public static string Describe(Totals? before, Totals? after)
    {
        if (before is null || after is null)
        {
            return "";
        }

        var rows = after.Rows - before.Rows;
        var requests = after.Requests - before.Requests;
        return $"; message log: {rows} rows in {requests} storage requests ({(requests == 0 ? 0 : (double)rows / requests):0.0} rows each), " +
            $"{after.Refused - before.Refused} refused";
    }

    public sealed record Totals(long Rows, long Requests, long Refused);
}
