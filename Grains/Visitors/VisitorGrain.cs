using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Visitors;

namespace Conversations.Grains.Visitors;

public sealed class VisitorGrain(
    [PersistentState("visitor", ConversationsNames.GrainStorage)] IPersistentState<VisitorState> state,
    IPageViewStore pageViews,
    TimeProvider clock) : Grain, IVisitorGrain
{
    public const int RecentPageViews = 50;
    public const int HistoryLength = 100;
    public const int MaxAttributes = 30;
    public const int MaxTitleLength = 300;

    /// <summary>A visit after this much quiet starts a new web session.</summary>
    public static readonly TimeSpan SessionGap = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long activity on a known conversation waits in memory before it is written, on average (a statistic, not a message;
    /// also written on deactivation). Each chat's visitor has one grain, so a short delay meant one write per few messages.
    /// </summary>
    public static readonly TimeSpan ActivityFlushDelay = TimeSpan.FromMinutes(5);

    private IGrainTimer? _activityFlush;

    private VisitorState Visitor => state.State;

    private (string PropertyId, string VisitorId) Key => VisitorKey.Parse(this.GetPrimaryKeyString());

    public async Task<VisitorProfile> RecordVisitAsync(VisitorVisit visit)
    {
        var now = EnsureCreated();
        if (Visitor.LatestSessionAt is null || now - Visitor.LastSeenAt > SessionGap)
        {
            Visitor.LatestSessionAt = now;
            Visitor.TotalSessions++;
        }

        Visitor.LastSeenAt = now;
        Visitor.LastIp = ProfileText.Optional(visit.Ip, "An IP address", 45);
        Visitor.Location = visit.Location ?? Visitor.Location;
        Visitor.Device = visit.Device ?? Visitor.Device;
        if (ProfileText.Optional(visit.VerifiedUserId, "A user id") is { Length: > 0 } userId)
        {
            Visitor.About = Visitor.About with { UserId = userId };
        }

        await WriteAsync();
        return View();
    }

    public async Task RecordPageViewAsync(PageView pageView)
    {
        EnsureCreated();
        var url = ProfileText.HttpUrl(pageView.Url, "A page address");
        if (string.IsNullOrEmpty(url))
        {
            throw DomainException.Invalid("A page view needs the page address.");
        }

        var now = clock.GetUtcNow();
        var view = new PageView(url, ProfileText.Optional(pageView.Title, "A page title", MaxTitleLength), now, Visitor.PageViewCount + 1);
        await pageViews.AppendAsync(this.GetPrimaryKeyString(), view);
        Visitor.PageViewCount++;
        Visitor.LastSeenAt = now;
        Visitor.RecentPageViews.Add(view);
        TrimFront(Visitor.RecentPageViews, RecentPageViews);
        await WriteAsync();
    }

    public async Task LinkConversationAsync(ConversationLink link)
    {
        EnsureCreated();
        var index = Visitor.History.FindIndex(h => h.ConversationId == link.ConversationId);
        var status = ProfileText.Optional(link.Status, "A status", 20) ?? "";
        if (index >= 0 && link.LastActivityAt <= Visitor.History[index].LastActivityAt)
        {
            // No new activity: a status change, or the same update again (a chat retries until it hears back). The line stays in its place.
            await SetConversationStatusAsync(link.ConversationId, status);
            return;
        }

        // Every visitor message links its chat again; when only the activity time moves, the write waits a little and
        // carries all of them, instead of one more storage write per message.
        var onlyActivity = index >= 0 && Visitor.History[index].Status == status;
        if (index >= 0)
        {
            var earlier = Visitor.History[index];
            if (link.Kind == ConversationKind.Chat && link.LastActivityAt > earlier.LastActivityAt)
            {
                Visitor.TimeInChat += link.LastActivityAt - earlier.LastActivityAt;
            }

            Visitor.History.RemoveAt(index);
            link = link with { StartedAt = earlier.StartedAt };
        }

        Visitor.History.Add(link with { Status = status });
        TrimFront(Visitor.History, HistoryLength);
        Visitor.LastSeenAt = Max(Visitor.LastSeenAt, link.LastActivityAt);
        if (onlyActivity)
        {
            _activityFlush ??= this.RegisterGrainTimer(FlushActivityAsync, TimerSpread.Around(ActivityFlushDelay), Timeout.InfiniteTimeSpan);
            return;
        }

        await WriteAsync();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _activityFlush is null ? Task.CompletedTask : FlushActivityAsync(cancellationToken);

    public async Task SetConversationStatusAsync(Guid conversationId, string status)
    {
        var index = Visitor.History.FindIndex(h => h.ConversationId == conversationId);
        var cleaned = ProfileText.Optional(status, "A status", 20) ?? "";
        if (Visitor.Exists && index >= 0 && Visitor.History[index].Status != cleaned)
        {
            Visitor.History[index] = Visitor.History[index] with { Status = cleaned };
            await WriteAsync();
        }
    }

    public async Task ForgetConversationAsync(Guid conversationId)
    {
        if (Visitor.History.RemoveAll(h => h.ConversationId == conversationId) > 0)
        {
            await WriteAsync();
        }
    }

    public Task<VisitorProfile> GetAsync()
    {
        EnsureExists();
        return Task.FromResult(View());
    }

    public Task<VisitorProfile> UpdateAboutAsync(UpdateVisitorAbout update)
    {
        var about = Visitor.About;
        return ChangeAsync(() => Visitor.About = new VisitorAbout(
            update.Name is null ? about.Name : DisplayName.CleanOptional(update.Name),
            ProfileText.Email(update.Email) is { } email ? Blank(email) : about.Email,
            ProfileText.Phone(update.Phone) is { } phone ? Blank(phone) : about.Phone,
            ProfileText.Optional(update.JobTitle, "A job title") is { } job ? Blank(job) : about.JobTitle,
            ProfileText.Optional(update.UserId, "A user id") is { } userId ? Blank(userId) : about.UserId,
            update.Tags is null ? about.Tags : ProfileText.Tags(update.Tags)));
    }

    public Task<VisitorProfile> SetAttributeAsync(VisitorAttribute attribute)
    {
        var cleaned = ProfileText.Attribute(attribute);
        return ChangeAsync(() =>
        {
            var index = Visitor.Attributes.FindIndex(a => string.Equals(a.Name, cleaned.Name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                Visitor.Attributes[index] = cleaned;
            }
            else if (Visitor.Attributes.Count >= MaxAttributes)
            {
                throw DomainException.Invalid($"A profile can have at most {MaxAttributes} custom attributes.");
            }
            else
            {
                Visitor.Attributes.Add(cleaned);
            }
        });
    }

    public Task<VisitorProfile> RemoveAttributeAsync(string name) =>
        ChangeAsync(() =>
        {
            if (Visitor.Attributes.RemoveAll(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)) == 0)
            {
                throw DomainException.NotFound("The attribute");
            }
        });

    public Task<VisitorProfile> UpdateSocialAsync(VisitorSocial social)
    {
        var cleaned = new VisitorSocial(
            Blank(ProfileText.HttpUrl(social.Facebook, "The Facebook link")),
            Blank(ProfileText.HttpUrl(social.LinkedIn, "The LinkedIn link")),
            Blank(ProfileText.HttpUrl(social.Twitter, "The Twitter link")),
            Blank(ProfileText.HttpUrl(social.Instagram, "The Instagram link")));
        return ChangeAsync(() => Visitor.Social = cleaned);
    }

    public async Task<VisitorProfile> LinkOrganizationAsync(string? organizationId)
    {
        EnsureExists();
        var (propertyId, visitorId) = Key;
        var next = string.IsNullOrWhiteSpace(organizationId) ? null : organizationId.Trim();
        if (next == Visitor.OrganizationId)
        {
            return View();
        }

        if (next is not null)
        {
            await GrainFactory.GetGrain<IOrganizationGrain>(VisitorKey.For(propertyId, next, "The organization")).SetContactAsync(visitorId, linked: true);
        }

        if (Visitor.OrganizationId is { } previous)
        {
            await GrainFactory.GetGrain<IOrganizationGrain>(VisitorKey.For(propertyId, previous)).SetContactAsync(visitorId, linked: false);
        }

        return await ChangeAsync(() => Visitor.OrganizationId = next);
    }

    public async Task<IReadOnlyList<PageView>> GetPageViewsAsync(long beforeSequence, int maxCount)
    {
        EnsureExists();
        if (maxCount is < 1 or > 200)
        {
            throw DomainException.Invalid("maxCount must be between 1 and 200.");
        }

        var views = Enumerable.Reverse(Visitor.RecentPageViews).Where(v => v.Sequence < beforeSequence).Take(maxCount).ToList();
        var next = views.Count > 0 ? views[^1].Sequence : Math.Min(beforeSequence, Visitor.PageViewCount + 1);
        if (views.Count < maxCount && next > 1)
        {
            views.AddRange(await pageViews.ReadAsync(this.GetPrimaryKeyString(), next, maxCount - views.Count));
        }

        return views;
    }

    public async Task ForgetOrganizationAsync(string organizationId)
    {
        if (Visitor.OrganizationId == organizationId)
        {
            Visitor.OrganizationId = null;
            await WriteAsync();
        }
    }

    public Task<IReadOnlyList<ConversationLink>> GetHistoryAsync()
    {
        EnsureExists();
        return Task.FromResult<IReadOnlyList<ConversationLink>>(Enumerable.Reverse(Visitor.History).ToList());
    }

    private async Task<VisitorProfile> ChangeAsync(Action change)
    {
        EnsureExists();
        change();
        Visitor.UpdatedAt = clock.GetUtcNow();
        await WriteAsync();
        return View();
    }

    /// <summary>A visitor first met through a page view or a chat (not a widget session) is created then.</summary>
    private DateTimeOffset EnsureCreated()
    {
        var now = clock.GetUtcNow();
        if (!Visitor.Exists)
        {
            Visitor.CreatedAt = now;
            Visitor.UpdatedAt = now;
            Visitor.LastSeenAt = now;
        }

        return now;
    }

    private void EnsureExists()
    {
        if (!Visitor.Exists)
        {
            throw DomainException.NotFound("The visitor");
        }
    }

    private VisitorProfile View()
    {
        var (propertyId, visitorId) = Key;
        return new VisitorProfile(
            propertyId, visitorId, Visitor.About, [.. Visitor.Attributes], Visitor.Social, Visitor.OrganizationId,
            new VisitorDates(Visitor.CreatedAt, Visitor.UpdatedAt, Visitor.CreatedAt, Visitor.LastSeenAt),
            Visitor.Location, Visitor.Device, Visitor.LastIp,
            new VisitorSessions(Visitor.CreatedAt, Visitor.LatestSessionAt, Visitor.TotalSessions, Visitor.PageViewCount, Visitor.TimeInChat));
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static void TrimFront<T>(List<T> list, int keep)
    {
        if (list.Count > keep)
        {
            list.RemoveRange(0, list.Count - keep);
        }
    }

    private Task FlushActivityAsync(CancellationToken cancellationToken) => WriteAsync();

    /// <summary>Writes the state, which also carries any activity waiting for its flush.</summary>
    private async Task WriteAsync()
    {
        _activityFlush?.Dispose();
        _activityFlush = null;
        await this.PersistAsync(state.WriteStateAsync);
    }
}
