using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Visitors;
using Conversations.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Visitors;

/// <summary>Organizations of a property and their contacts (VIS-4).</summary>
public static class OrganizationApi
{
    public static IEndpointRouteBuilder MapOrganizationApi(this IEndpointRouteBuilder endpoints)
    {
        var organizations = endpoints.MapPropertyGroup("/organizations").WithTags("Organizations")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        organizations.MapGet("", ListAsync).WithName("ListOrganizations").WithSummary("The property's organizations by name.");
        organizations.MapPost("", CreateAsync).WithName("CreateOrganization").WithSummary("Creates an organization (name, domain, notes).");
        organizations.MapGet("/{organizationId}", GetAsync).WithName("GetOrganization")
            .WithSummary("An organization with the visitor ids of its contacts.");
        organizations.MapPatch("/{organizationId}", UpdateAsync).WithName("UpdateOrganization")
            .WithSummary("Changes name, domain or notes: a missing field stays, an empty domain or notes is cleared.");
        organizations.MapDelete("/{organizationId}", DeleteAsync).WithName("DeleteOrganization").AdminOnly()
            .WithSummary("Deletes an organization (admins).");
        organizations.MapGet("/{organizationId}/contacts", ContactsAsync).WithName("GetOrganizationContacts")
            .WithSummary("The profiles of the organization's contacts.");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<OrganizationSummary>>> ListAsync(string propertyId, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IOrganizationDirectoryGrain>(propertyId).ListAsync());

    private static async Task<Created<OrganizationView>> CreateAsync(string propertyId, OrganizationDraft request, IClusterClient cluster)
    {
        var view = await Organization(cluster, propertyId, Guid.NewGuid().ToString("N")).CreateAsync(request);
        return TypedResults.Created($"{PropertyRoutes.Prefix.Replace("{propertyId}", propertyId, StringComparison.Ordinal)}/organizations/{view.OrganizationId}", view);
    }

    private static async Task<Ok<OrganizationView>> GetAsync(string propertyId, string organizationId, IClusterClient cluster) =>
        TypedResults.Ok(await Organization(cluster, propertyId, organizationId).GetAsync());

    private static async Task<Ok<OrganizationView>> UpdateAsync(string propertyId, string organizationId, OrganizationDraft request, IClusterClient cluster) =>
        TypedResults.Ok(await Organization(cluster, propertyId, organizationId).UpdateAsync(request));

    private static async Task<NoContent> DeleteAsync(string propertyId, string organizationId, IClusterClient cluster)
    {
        await Organization(cluster, propertyId, organizationId).DeleteAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<VisitorProfile>>> ContactsAsync(string propertyId, string organizationId, IClusterClient cluster)
    {
        var organization = await Organization(cluster, propertyId, organizationId).GetAsync();
        var profiles = new List<VisitorProfile>();
        foreach (var visitorId in organization.ContactVisitorIds)
        {
            try
            {
                profiles.Add(await cluster.GetGrain<IVisitorGrain>(VisitorKey.For(propertyId, visitorId)).GetAsync());
            }
            catch (DomainException ex) when (ex.Code == DomainErrorCode.NotFound)
            {
                // A contact whose profile is gone is left out.
            }
        }

        return TypedResults.Ok(profiles);
    }

    private static IOrganizationGrain Organization(IClusterClient cluster, string propertyId, string organizationId) =>
        cluster.GetGrain<IOrganizationGrain>(VisitorKey.For(propertyId, organizationId, "The organization"));
}
