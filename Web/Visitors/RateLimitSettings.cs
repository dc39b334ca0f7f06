namespace Conversations.Web.Visitors;

/// <summary><c>Conversations:RateLimits:*</c>: what one visitor or one address may do, per window.</summary>
public sealed class RateLimitSettings
{
    public const string SectionName = "Conversations:RateLimits";

    public int VisitorSessionsPerMinutePerIp { get; set; } = 60;

    public int NewChatsPerMinutePerIp { get; set; } = 10;

    public int MessagesPerMinutePerVisitor { get; set; } = 30;

    public int PageViewsPerMinutePerVisitor { get; set; } = 60;
}
