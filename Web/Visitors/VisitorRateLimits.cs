using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Conversations.Web.Visitors;

/// <summary>Limits on visitor hub calls (the HTTP rate limiter does not see hub invocations).</summary>
public sealed class VisitorRateLimits(IOptions<RateLimitSettings> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _newChats = PerMinute(options.Value.NewChatsPerMinutePerIp);
    private readonly PartitionedRateLimiter<string> _messages = PerMinute(options.Value.MessagesPerMinutePerVisitor);
    private readonly PartitionedRateLimiter<string> _pageViews = PerMinute(options.Value.PageViewsPerMinutePerVisitor);

    public void NewChat(string? ipAddress) =>
        Acquire(_newChats, ipAddress ?? "unknown", "Too many new chats from this address");

    public void Message(string propertyId, string visitorId) =>
        Acquire(_messages, propertyId + "|" + visitorId, "Too many messages");

    public void PageView(string propertyId, string visitorId) =>
        Acquire(_pageViews, propertyId + "|" + visitorId, "Too many page views");

    public void Dispose()
    {
        _pageViews.Dispose();
        _newChats.Dispose();
        _messages.Dispose();
    }

    private static void Acquire(PartitionedRateLimiter<string> limiter, string key, string what)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (!lease.IsAcquired)
        {
            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
            throw new HubException($"RateLimited: {what}; try again in {Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s.");
        }
    }

    public static PartitionedRateLimiter<string> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
}
