namespace Conversations.Web.Errors;

/// <summary>
/// Answers the requests no endpoint matched. Under /api and /hubs that is a 404 with ProblemDetails, signed in or not;
/// elsewhere a GET of a path without a file extension gets the console's page. This runs after routing instead of being a
/// fallback route, so the console's page never competes with the API: a path an API endpoint answers with another method
/// or body type keeps its 405 or 415.
/// </summary>
public sealed class UnknownPaths(RequestDelegate next, IWebHostEnvironment environment)
{
    public const string ConsolePage = "index.html";

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint() is not null)
        {
            await next(http);
            return;
        }

        var path = http.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs"))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = "Nothing answers this path with this method." },
            });
            return;
        }

        var page = environment.WebRootFileProvider.GetFileInfo(ConsolePage);
        if ((HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) && !Path.HasExtension(path.Value) && page.Exists)
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.SendFileAsync(page);
            return;
        }

        await next(http);
    }
}
