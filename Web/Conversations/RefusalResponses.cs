namespace Conversations.Web.Conversations;

public static class RefusalResponses
{
    /// <summary>Documents the ProblemDetails a command answers with when a grain refuses it: 409 (conflict, irreversible) and 422 (invalid).</summary>
    public static RouteHandlerBuilder ProducesRefusals(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
