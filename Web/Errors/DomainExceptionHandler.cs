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

        return await problemDetails.WriteAsync(
            httpContext, exception, StatusCodeFor(domain.Code), domain.Code.ToString(), domain.Code.ToString().ToLowerInvariant());
    }

    public static int StatusCodeFor(DomainErrorCode code) => code switch
    {
        DomainErrorCode.NotFound => StatusCodes.Status404NotFound,
        DomainErrorCode.Invalid => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status409Conflict,
    };
}
