using System.Net;
using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Web.Access;
using Conversations.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Properties;

public static class PropertyApi
{
    public static IEndpointRouteBuilder MapPropertyApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/properties", CreateAsync).WithTags("Properties").WithName("CreateProperty").RequireAuthorization()
            .WithSummary("Creates a property; the caller becomes its admin (ADM-1).")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity).CheckKeys();

        var property = endpoints.MapPropertyGroup().WithTags("Properties");
        property.MapGet("", GetAsync).WithName("GetProperty").WithSummary("The property: name, widget key, support address.");
        property.MapPut("/name", RenameAsync).WithName("RenameProperty").AdminOnly().WithSummary("Renames the property (admins).");
        property.MapPut("/support-email", SetSupportEmailAsync).WithName("SetSupportEmail").AdminOnly()
            .WithSummary("Sets the property's support email address (admins; ADM-1): mail to it opens tickets here. Null or empty removes it; 422 when not an address, 409 when another property uses it.");
        property.MapGet("/widget", GetWidgetAsync).WithName("GetWidgetSnippet").WithSummary("The <script> tag that embeds the chat widget.");
        property.MapGet("/agents", GetAgentsAsync).WithName("GetPropertyAgents").WithSummary("The agents of the property with role and presence.");
        property.MapPost("/agents", AddAgentAsync).WithName("AddPropertyAgent").AdminOnly()
            .WithSummary("Creates an agent with a password, or adds an existing one by email, with a role (admins; ADM-2).");
        property.MapDelete("/agents/{agentId:guid}", RemoveAgentAsync).WithName("RemovePropertyAgent").AdminOnly()
            .WithSummary("Removes an agent from the property (admins): their live feeds, REST and hub access, departments and ticket emails end at once.");
        return endpoints;
    }

    private static async Task<Created<PropertyView>> CreateAsync(CreatePropertyRequest request, HttpContext http, IClusterClient cluster)
    {
        var view = await cluster.GetGrain<IPropertyGrain>(request.Id ?? "").CreateAsAdminAsync(http.User.AgentId()!.Value, request.Name, request.SupportEmail);
        return TypedResults.Created($"/api/v1/properties/{view.Id}", view);
    }

    private static async Task<Ok<PropertyView>> GetAsync(string propertyId, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IPropertyGrain>(propertyId).GetAsync());

    private static async Task<Ok<PropertyView>> RenameAsync(string propertyId, RenamePropertyRequest request, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IPropertyGrain>(propertyId).RenameAsync(request.Name));

    private static async Task<Ok<PropertyView>> SetSupportEmailAsync(string propertyId, SupportEmailRequest request, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IPropertyGrain>(propertyId).SetSupportEmailAsync(request.SupportEmail));

    private static async Task<Ok<WidgetSnippet>> GetWidgetAsync(string propertyId, HttpContext http, IClusterClient cluster)
    {
        var property = await cluster.GetGrain<IPropertyGrain>(propertyId).GetAsync();
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        var html = $"<script async src=\"{WebUtility.HtmlEncode(origin)}/widget.js\" data-property=\"{WebUtility.HtmlEncode(property.Id)}\" data-key=\"{property.WidgetKey}\"></script>";
        return TypedResults.Ok(new WidgetSnippet(property.WidgetKey, html));
    }

    private static async Task<Ok<List<PropertyAgent>>> GetAgentsAsync(string propertyId, IClusterClient cluster)
    {
        var members = await cluster.GetGrain<IPropertyGrain>(propertyId).GetMembersAsync();
        var agents = await Task.WhenAll(members.Select(async m =>
        {
            var agent = await cluster.GetGrain<IAgentGrain>(m.AgentId).GetAsync();
            return new PropertyAgent(agent.Id, agent.Email, agent.Name, m.Role, agent.Presence);
        }));
        return TypedResults.Ok(agents.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList());
    }

    private static async Task<Ok<PropertyAgent>> AddAgentAsync(
        string propertyId, AddAgentRequest request, AgentProvisioning provisioning, AccessRevocations access, TimeProvider clock)
    {
        var agent = await provisioning.ProvisionAsync(propertyId, request.Email, request.Name, request.Password, request.Role);
        await access.ApplyAsync(new AgentAccessChanged(propertyId, agent.Id, request.Role, clock.GetUtcNow()));
        return TypedResults.Ok(new PropertyAgent(agent.Id, agent.Email, agent.Name, request.Role, agent.Presence));
    }

    /// <summary>Other web nodes hear of it from the cluster; this one applies it before answering (ADM-4).</summary>
    private static async Task<NoContent> RemoveAgentAsync(string propertyId, Guid agentId, IClusterClient cluster, AccessRevocations access, TimeProvider clock)
    {
        await cluster.GetGrain<IPropertyGrain>(propertyId).RemoveMemberAsync(agentId);
        await access.ApplyAsync(new AgentAccessChanged(propertyId, agentId, null, clock.GetUtcNow()));
        return TypedResults.NoContent();
    }
}
