using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Conversations.Web.Visitors;

/// <summary>Limits on visitor hub calls (the HTTP rate limiter does not see hub invocations).</summary>
public sealed class VisitorRateLimits(IOptions<RateLimitSettings> options, TimeProvider clock)
{
    private readonly WindowCounters _newChats = PerMinute(options.Value.NewChatsPerMinutePerIp, clock);
    private readonly WindowCounters _messages = PerMinute(options.Value.MessagesPerMinutePerVisitor, clock);
    private readonly WindowCounters _pageViews = PerMinute(options.Value.PageViewsPerMinutePerVisitor, clock);

    public void NewChat(string? ipAddress) =>
        Acquire(_newChats, ipAddress ?? "unknown", "Too many new chats from this address");

    public void Message(string propertyId, string visitorId) =>
        Acquire(_messages, propertyId + "|" + visitorId, "Too many messages");

    public void PageView(string propertyId, string visitorId) =>
        Acquire(_pageViews, propertyId + "|" + visitorId, "Too many page views");

    private static void Acquire(WindowCounters limiter, string key, string what)
    {
        if (!limiter.TryAcquire(key, out var wait))
        {
            throw new HubException($"RateLimited: {what}; try again in {Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture)} s.");
        }
    }

    private static WindowCounters PerMinute(int permits, TimeProvider clock) => new(Math.Max(1, permits), TimeSpan.FromMinutes(1), clock);
}
