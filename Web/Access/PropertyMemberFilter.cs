namespace Conversations.Web.Access;

/// <summary>Lets a request through only for members of the property in its route (admins only where marked).</summary>
public sealed class PropertyMemberFilter(PropertyAccess access) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var adminOnly = http.GetEndpoint()?.Metadata.GetMetadata<AdminOnly>() is not null;
        await access.RequireAsync(http.User, http.GetRouteValue("propertyId") as string, adminOnly);
        return await next(context);
    }
}
