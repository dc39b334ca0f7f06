using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Departments;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Departments;

public static class DepartmentApi
{
    public static IEndpointRouteBuilder MapDepartmentApi(this IEndpointRouteBuilder endpoints)
    {
        var departments = endpoints.MapPropertyGroup("/departments").WithTags("Departments");
        departments.MapGet("", ListAsync).WithName("ListDepartments").WithSummary("The property's departments with their members (ADM-3).");
        departments.MapPost("", CreateAsync).WithName("CreateDepartment").AdminOnly().WithSummary("Creates a department (admins).");
        departments.MapGet("/{departmentId:guid}", GetAsync).WithName("GetDepartment").WithSummary("One department.");
        departments.MapPut("/{departmentId:guid}", RenameAsync).WithName("RenameDepartment").AdminOnly().WithSummary("Renames a department (admins).");
        departments.MapPut("/{departmentId:guid}/members", SetMembersAsync).WithName("SetDepartmentMembers").AdminOnly()
            .WithSummary("Replaces the members; each must be an agent of the property (admins).");
        departments.MapDelete("/{departmentId:guid}", DeleteAsync).WithName("DeleteDepartment").AdminOnly().WithSummary("Deletes a department (admins).");
        return endpoints;
    }

    private static async Task<Ok<List<DepartmentView>>> ListAsync(string propertyId, IClusterClient cluster)
    {
        var ids = await cluster.GetGrain<IPropertyGrain>(propertyId).GetDepartmentsAsync();
        var departments = await Task.WhenAll(ids.Select(async id =>
        {
            try
            {
                return await cluster.GetGrain<IDepartmentGrain>(id).GetAsync(propertyId);
            }
            catch (DomainException ex) when (ex.Code == DomainErrorCode.NotFound)
            {
                return null; // listed by a creation that did not finish
            }
        }));
        return TypedResults.Ok(departments.OfType<DepartmentView>().OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ToList());
    }

    private static async Task<Created<DepartmentView>> CreateAsync(string propertyId, DepartmentRequest request, IClusterClient cluster)
    {
        var department = await cluster.GetGrain<IDepartmentGrain>(Guid.NewGuid()).CreateAsync(propertyId, request.Name);
        return TypedResults.Created($"/api/v1/properties/{propertyId}/departments/{department.Id}", department);
    }

    private static async Task<Ok<DepartmentView>> GetAsync(string propertyId, Guid departmentId, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IDepartmentGrain>(departmentId).GetAsync(propertyId));

    private static async Task<Ok<DepartmentView>> RenameAsync(string propertyId, Guid departmentId, DepartmentRequest request, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IDepartmentGrain>(departmentId).RenameAsync(propertyId, request.Name));

    private static async Task<Ok<DepartmentView>> SetMembersAsync(
        string propertyId, Guid departmentId, DepartmentMembersRequest request, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IDepartmentGrain>(departmentId).SetMembersAsync(propertyId, request.AgentIds ?? []));

    private static async Task<NoContent> DeleteAsync(string propertyId, Guid departmentId, IClusterClient cluster)
    {
        await cluster.GetGrain<IDepartmentGrain>(departmentId).DeleteAsync(propertyId);
        return TypedResults.NoContent();
    }
}
