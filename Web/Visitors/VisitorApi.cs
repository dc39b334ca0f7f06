using Conversations.Grains.Interfaces.Visitors;
using Conversations.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Visitors;

/// <summary>Visitor profiles (VIS-1..VIS-6) and session details (CHAT-5) for the agents of a property.</summary>
public static class VisitorApi
{
    public static IEndpointRouteBuilder MapVisitorApi(this IEndpointRouteBuilder endpoints)
    {
        var visitors = endpoints.MapPropertyGroup("/visitors/{visitorId}").WithTags("Visitors")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        visitors.MapGet("", GetAsync).WithName("GetVisitor")
            .WithSummary("The profile: about, attributes, social links, organization, dates, location, device, web sessions.");
        visitors.MapPatch("/about", UpdateAboutAsync).WithName("UpdateVisitorAbout")
            .WithSummary("Name, email, phone, job title, user id, tags: a missing field stays, an empty one is cleared.");
        visitors.MapPut("/attributes", SetAttributeAsync).WithName("SetVisitorAttribute")
            .WithSummary("Adds or replaces a custom attribute (type Text, Number, Date as yyyy-MM-dd, or Bool).");
        visitors.MapDelete("/attributes/{name}", RemoveAttributeAsync).WithName("RemoveVisitorAttribute");
        visitors.MapPut("/social", UpdateSocialAsync).WithName("UpdateVisitorSocial")
            .WithSummary("Facebook, LinkedIn, Twitter and Instagram links (http/https only); empty clears.");
        visitors.MapPut("/organization", LinkOrganizationAsync).WithName("LinkVisitorOrganization")
            .WithSummary("Links an organization of this property (null unlinks).");
        visitors.MapGet("/history", HistoryAsync).WithName("GetVisitorHistory")
            .WithSummary("The visitor's chats and tickets, newest first.");
        visitors.MapGet("/page-views", PageViewsAsync).WithName("GetVisitorPageViews")
            .WithSummary("The visitor's page views (URL, title, time), newest first: 'limit' (1-200, default 50) before sequence 'before' (default: the latest).");
        return endpoints;
    }

    private static async Task<Ok<VisitorProfile>> GetAsync(string propertyId, string visitorId, VisitTracker visits) =>
        TypedResults.Ok(await visits.Visitor(propertyId, visitorId).GetAsync());

    private static async Task<Ok<VisitorProfile>> UpdateAboutAsync(string propertyId, string visitorId, UpdateVisitorAbout request, VisitTracker visits) =>
        TypedResults.Ok(await visits.Visitor(propertyId, visitorId).UpdateAboutAsync(request));

    private static async Task<Ok<VisitorProfile>> SetAttributeAsync(string propertyId, string visitorId, VisitorAttribute request, VisitTracker visits) =>
        TypedResults.Ok(await visits.Visitor(propertyId, visitorId).SetAttributeAsync(request));

    private static async Task<Ok<VisitorProfile>> RemoveAttributeAsync(string propertyId, string visitorId, string name, VisitTracker visits) =>
        TypedResults.Ok(await visits.Visitor(propertyId, visitorId).RemoveAttributeAsync(name));

    private static async Task<Ok<VisitorProfile>> UpdateSocialAsync(string propertyId, string visitorId, VisitorSocial request, VisitTracker visits) =>
        TypedResults.Ok(await visits.Visitor(propertyId, visitorId).UpdateSocialAsync(request));

    private static async Task<Ok<VisitorProfile>> LinkOrganizationAsync(
        string propertyId, string visitorId, LinkOrganizationRequest request, VisitTracker visits) =>
        TypedResults.Ok(await visits.Visitor(propertyId, visitorId).LinkOrganizationAsync(request.OrganizationId));

    private static async Task<Ok<IReadOnlyList<ConversationLink>>> HistoryAsync(string propertyId, string visitorId, VisitTracker visits) =>
        TypedResults.Ok(await visits.Visitor(propertyId, visitorId).GetHistoryAsync());

    private static async Task<Ok<IReadOnlyList<PageView>>> PageViewsAsync(
        string propertyId, string visitorId, VisitTracker visits, long before = long.MaxValue, int limit = 50) =>
        TypedResults.Ok(await visits.Visitor(propertyId, visitorId).GetPageViewsAsync(before, limit));
}
