namespace Conversations.Web.Admission;

/// <summary>
/// API writes hold a permit of <see cref="NodeAdmission"/> while they run; reads and static files do not (they are
/// cheap, and an agent must still be able to load the console while the node sheds writes).
/// </summary>
public sealed class AdmissionMiddleware(RequestDelegate next, NodeAdmission admission)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ||
            !context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        using var permit = admission.Enter();
        await next(context);
    }
}
