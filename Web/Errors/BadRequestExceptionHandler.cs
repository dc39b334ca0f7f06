using Microsoft.AspNetCore.Diagnostics;

namespace Conversations.Web.Errors;

/// <summary>
/// A request the framework could not bind (malformed JSON, a wrong type, a missing body) is the
/// caller's fault: a 4xx ProblemDetails, not a 500. In Development, minimal APIs throw these
/// instead of answering 400 themselves.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken) =>
        exception is BadHttpRequestException badRequest &&
        await problemDetails.WriteAsync(httpContext, exception, badRequest.StatusCode, "Bad request", "bad-request");
}
