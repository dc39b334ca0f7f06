using Conversations.Grains.Interfaces.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Conversations.Web.Errors;

/// <summary>
/// Turns a refused command (DomainException) or an unreadable request (bad JSON, body too large)
/// into a ProblemDetails response with a 4xx status and a readable message.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            DomainException domain => (StatusCodeFor(domain.Code), domain.Code.ToString(), domain.Message),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", ReadableDetail(bad)),
            _ when TransientFailures.IsTransient(exception) => (StatusCodes.Status503ServiceUnavailable, "Unavailable", TransientFailures.Message),
            _ => (0, "", ""),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "2";
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    public static int StatusCodeFor(DomainErrorCode code) => code switch
    {
        DomainErrorCode.NotFound => StatusCodes.Status404NotFound,
        DomainErrorCode.Invalid => StatusCodes.Status422UnprocessableEntity,
        DomainErrorCode.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status409Conflict,
    };

    private static string ReadableDetail(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
        _ => "The request could not be read: " + (bad.InnerException?.Message ?? bad.Message),
    };
}
