namespace Conversations.Grains.Interfaces.Visitors;

/// <summary>A visitor's profile on one property, keyed by <see cref="VisitorKey.For"/>.</summary>
[Alias("Conversations.IVisitorGrain")]
public interface IVisitorGrain : IGrainWithStringKey
{
    /// <summary>The widget opened a session: creates the visitor, updates last seen, location and device, counts sessions.</summary>
    [Alias("RecordVisit")]
    Task<VisitorProfile> RecordVisitAsync(VisitorVisit visit);

    /// <summary>
    /// An email requester linked to this profile (VIS-1): creates the visitor when new, fills in the email and the sender's
    /// name where the profile has none, and updates last seen. Repeating it is harmless.
    /// </summary>
    [Alias("RecordEmailContact")]
    Task<VisitorProfile> RecordEmailContactAsync(string email, string? name);

    [Alias("RecordPageView")]
    Task RecordPageViewAsync(PageView pageView);

    /// <summary>Adds or updates a conversation in the visitor's history.</summary>
    [Alias("LinkConversation")]
    Task LinkConversationAsync(ConversationLink link);

    /// <summary>A conversation already in the history changed status (an agent closed the chat); others are left alone.</summary>
    [Alias("SetConversationStatus")]
    Task SetConversationStatusAsync(Guid conversationId, string status);

    /// <summary>A purged conversation leaves the history (BIN-2).</summary>
    [Alias("ForgetConversation")]
    Task ForgetConversationAsync(Guid conversationId);

    [Alias("Get")]
    Task<VisitorProfile> GetAsync();

    [Alias("UpdateAbout")]
    Task<VisitorProfile> UpdateAboutAsync(UpdateVisitorAbout update);

    [Alias("SetAttribute")]
    Task<VisitorProfile> SetAttributeAsync(VisitorAttribute attribute);

    [Alias("RemoveAttribute")]
    Task<VisitorProfile> RemoveAttributeAsync(string name);

    [Alias("UpdateSocial")]
    Task<VisitorProfile> UpdateSocialAsync(VisitorSocial social);

    /// <summary>Links the visitor to an organization of the same property (null unlinks); the organization lists its contacts.</summary>
    [Alias("LinkOrganization")]
    Task<VisitorProfile> LinkOrganizationAsync(string? organizationId);

    /// <summary>Called by an organization being deleted: drops the link without calling the organization back.</summary>
    [Alias("ForgetOrganization")]
    Task ForgetOrganizationAsync(string organizationId);

    /// <summary>Page views with a sequence below <paramref name="beforeSequence"/>, newest first (recent ones from state, older ones from the table).</summary>
    [Alias("GetPageViews")]
    Task<IReadOnlyList<PageView>> GetPageViewsAsync(long beforeSequence, int maxCount);

    /// <summary>The visitor's conversations, newest first.</summary>
    [Alias("GetHistory")]
    Task<IReadOnlyList<ConversationLink>> GetHistoryAsync();
}
