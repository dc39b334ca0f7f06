using System.ComponentModel.DataAnnotations;

namespace Conversations.Web.Visitors;

/// <summary><c>Conversations:RateLimits:*</c>: what one visitor or one address may do, per window.</summary>
public sealed class RateLimitSettings
{
    public const string SectionName = "Conversations:RateLimits";

    [Range(1, 1_000_000, ErrorMessage = SectionName + ":VisitorSessionsPerMinutePerIp must be between 1 and 1000000.")]
    public int VisitorSessionsPerMinutePerIp { get; set; } = 60;

    [Range(1, 1_000_000, ErrorMessage = SectionName + ":NewChatsPerMinutePerIp must be between 1 and 1000000.")]
    public int NewChatsPerMinutePerIp { get; set; } = 10;

    [Range(1, 1_000_000, ErrorMessage = SectionName + ":MessagesPerMinutePerVisitor must be between 1 and 1000000.")]
    public int MessagesPerMinutePerVisitor { get; set; } = 30;

    [Range(1, 1_000_000, ErrorMessage = SectionName + ":PageViewsPerMinutePerVisitor must be between 1 and 1000000.")]
    public int PageViewsPerMinutePerVisitor { get; set; } = 60;
}
