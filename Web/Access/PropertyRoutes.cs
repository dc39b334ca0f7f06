using Conversations.Web.Validation;

namespace Conversations.Web.Access;

public static class PropertyRoutes
{
    public const string Prefix = "/api/v1/properties/{propertyId}";

    /// <summary>A route group under one property: signed-in members only; then the keys the request carries are checked.</summary>
    public static RouteGroupBuilder MapPropertyGroup(this IEndpointRouteBuilder endpoints, string pattern = "") =>
        endpoints.MapGroup(Prefix + pattern)
            .RequireAuthorization()
            .AddEndpointFilter<PropertyMemberFilter>()
            .CheckKeys()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

    public static TBuilder AdminOnly<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Access.AdminOnly.Instance);
}
