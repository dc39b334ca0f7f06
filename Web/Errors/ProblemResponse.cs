namespace Conversations.Web.Errors;

public static class ProblemResponse
{
    /// <summary>Sets the status code and writes a ProblemDetails body that carries a caller-safe message.</summary>
    public static ValueTask<bool> WriteAsync(
        this IProblemDetailsService problemDetails, HttpContext httpContext, Exception exception, int status, string title, string slug)
    {
        httpContext.Response.StatusCode = status;
        return problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Detail = exception.Message,
                Type = $"https://conversations.dev/errors/{slug}",
            },
        });
    }
}
