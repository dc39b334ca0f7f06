using Conversations.Grains.Interfaces.Visitors;

namespace Conversations.Grains.Visitors;

[GenerateSerializer, Alias("Conversations.VisitorState")]
public sealed class VisitorState
{
    [Id(0)] public DateTimeOffset CreatedAt { get; set; }
    [Id(1)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(2)] public DateTimeOffset LastSeenAt { get; set; }
    [Id(3)] public VisitorAbout About { get; set; } = new(null, null, null, null, null, []);
    [Id(4)] public List<VisitorAttribute> Attributes { get; set; } = [];
    [Id(5)] public VisitorSocial Social { get; set; } = new(null, null, null, null);
    [Id(6)] public string? OrganizationId { get; set; }
    [Id(7)] public VisitorLocation? Location { get; set; }
    [Id(8)] public VisitorDevice? Device { get; set; }
    [Id(9)] public string? LastIp { get; set; }
    [Id(10)] public DateTimeOffset? LatestSessionAt { get; set; }
    [Id(11)] public int TotalSessions { get; set; }
    [Id(12)] public long PageViewCount { get; set; }
    [Id(13)] public TimeSpan TimeInChat { get; set; }

    /// <summary>The latest page views, oldest first; older ones are in the page view table.</summary>
    [Id(14)] public List<PageView> RecentPageViews { get; set; } = [];

    /// <summary>The latest conversations, oldest first.</summary>
    [Id(15)] public List<ConversationLink> History { get; set; } = [];

    /// <summary>Made for an email requester (VIS-1), not met through the widget: it goes when a purge leaves it nothing (BIN-2).</summary>
    [Id(16)] public bool MadeForEmail { get; set; }

    public bool Exists => CreatedAt != default;
}
