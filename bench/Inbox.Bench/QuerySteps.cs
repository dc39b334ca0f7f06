namespace Conversations.Inbox.Bench;

/// <summary>The mean time of each step of one query run alone: every shard's keys, their merge, and reading the page's rows.</summary>
public sealed record QuerySteps(double Keys, double Merge, double Rows)
{
    public double Total => Keys + Merge + Rows;
}
