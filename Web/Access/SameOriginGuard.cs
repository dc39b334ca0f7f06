namespace Conversations.Web.Access;

/// <summary>
/// Refuses cross-site requests that could ride on an agent's cookie: the agent hub handshake (any
/// method, WebSockets included) and every unsafe API call must come from this site's own pages
/// (or a configured origin). Visitor endpoints are meant to be called from customers' sites.
/// </summary>
public sealed class SameOriginGuard(RequestDelegate next, IConfiguration configuration)
{
    private readonly HashSet<string> _allowed = new(
        configuration.GetSection("Conversations:AllowedOrigins").Get<string[]>() ?? [], StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext http)
    {
        if (Guards(http.Request) && http.Request.Headers.Origin is [{ } origin] && !IsSameOrAllowed(origin, http.Request))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = StatusCodes.Status403Forbidden, Detail = "Cross-site requests are not allowed here." },
            });
            return;
        }

        await next(http);
    }

    private static bool Guards(HttpRequest request) =>
        request.Path.StartsWithSegments("/hubs/agent")
        || (request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/api/v1/widget")
            && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method));

    private bool IsSameOrAllowed(string origin, HttpRequest request) =>
        _allowed.Contains(origin)
        || (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase));
}
