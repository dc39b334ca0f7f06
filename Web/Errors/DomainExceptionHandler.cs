using Conversations.Grains.Interfaces.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Conversations.Web.Errors;

/// <summary>Turns a refused command into a ProblemDetails response with the grain's message.</summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException domain)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodeFor(domain.Code);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = httpContext.Response.StatusCode,
                Title = domain.Code.ToString(),
                Detail = domain.Message,
                Type = $"https://conversations.dev/errors/{domain.Code.ToString().ToLowerInvariant()}",
            },
        });
    }

    public static int StatusCodeFor(DomainErrorCode code) => code switch
    {
        DomainErrorCode.NotFound => StatusCodes.Status404NotFound,
        DomainErrorCode.Invalid => StatusCodes.Status422UnprocessableEntity,
        DomainErrorCode.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status409Conflict,
    };
}
