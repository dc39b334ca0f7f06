namespace Conversations.Grains.Interfaces.Reports;

/// <summary>
/// What one slice (everything, one agent or one department) of one day adds up to (RPT-1). Every field adds: a day is the sum
/// of its conversations' contributions, a period the sum of its days, and a change is applied as new minus old.
/// Volume, missed chats and first response count on the day a conversation started; resolutions on the day it was resolved;
/// ratings on the day it was rated. All days are UTC days.
/// </summary>
[GenerateSerializer, Alias("Conversations.ReportCounts")]
public sealed class ReportCounts
{
    [Id(0)] public long Chats { get; set; }
    [Id(1)] public long Tickets { get; set; }

    /// <summary>Chats closed without an agent's reply.</summary>
    [Id(2)] public long Missed { get; set; }

    [Id(3)] public long Resolved { get; set; }
    [Id(4)] public long RatingsGood { get; set; }
    [Id(5)] public long RatingsBad { get; set; }

    /// <summary>SLA targets met and breached (SLA-1), all targets together; counted on the day the conversation started.</summary>
    [Id(6)] public long SlaMet { get; set; }

    [Id(7)] public long SlaBreached { get; set; }

    /// <summary>New conversations by UTC hour of their start.</summary>
    [Id(8)] public long[] ByHour { get; set; } = new long[24];

    [Id(9)] public DurationHistogram FirstResponse { get; set; } = new();
    [Id(10)] public DurationHistogram Resolution { get; set; } = new();

    [Id(11)] public long FirstResponseSlaMet { get; set; }
    [Id(12)] public long FirstResponseSlaBreached { get; set; }

    /// <summary>Waits for a next response, each counted (a conversation may have many).</summary>
    [Id(13)] public long NextResponseSlaMet { get; set; }

    [Id(14)] public long NextResponseSlaBreached { get; set; }
    [Id(15)] public long ResolutionSlaMet { get; set; }
    [Id(16)] public long ResolutionSlaBreached { get; set; }

    public bool IsEmpty =>
        Chats == 0 && Tickets == 0 && Missed == 0 && Resolved == 0 && RatingsGood == 0 && RatingsBad == 0 && SlaMet == 0 && SlaBreached == 0
        && FirstResponseSlaMet == 0 && FirstResponseSlaBreached == 0 && NextResponseSlaMet == 0 && NextResponseSlaBreached == 0
        && ResolutionSlaMet == 0 && ResolutionSlaBreached == 0
        && ByHour.All(h => h == 0) && FirstResponse.Buckets.Count == 0 && Resolution.Buckets.Count == 0;

    public void Merge(ReportCounts other, long sign = 1)
    {
        Chats += sign * other.Chats;
        Tickets += sign * other.Tickets;
        Missed += sign * other.Missed;
        Resolved += sign * other.Resolved;
        RatingsGood += sign * other.RatingsGood;
        RatingsBad += sign * other.RatingsBad;
        SlaMet += sign * other.SlaMet;
        SlaBreached += sign * other.SlaBreached;
        FirstResponseSlaMet += sign * other.FirstResponseSlaMet;
        FirstResponseSlaBreached += sign * other.FirstResponseSlaBreached;
        NextResponseSlaMet += sign * other.NextResponseSlaMet;
        NextResponseSlaBreached += sign * other.NextResponseSlaBreached;
        ResolutionSlaMet += sign * other.ResolutionSlaMet;
        ResolutionSlaBreached += sign * other.ResolutionSlaBreached;
        for (var hour = 0; hour < ByHour.Length; hour++)
        {
            ByHour[hour] += sign * other.ByHour[hour];
        }

        FirstResponse.Merge(other.FirstResponse, sign);
        Resolution.Merge(other.Resolution, sign);
    }

    public ReportCounts Copy()
    {
        var copy = new ReportCounts();
        copy.Merge(this);
        return copy;
    }
}
