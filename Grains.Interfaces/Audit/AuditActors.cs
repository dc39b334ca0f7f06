using Orleans.Runtime;

namespace Conversations.Grains.Interfaces.Audit;

/// <summary>
/// Carries the acting agent from the web node to every grain call of the request through Orleans' request context, so grains
/// can stamp what they change without each command growing an actor parameter. Absent for visitors and the system.
/// </summary>
public static class AuditActors
{
    private const string Key = "conversations.actor";

    public static AuditActor? Current => RequestContext.Get(Key) is string text && text.IndexOf('|') is > 0 and var bar
        ? new AuditActor(text[..bar], text[(bar + 1)..])
        : null;

    public static void Set(AuditActor? actor)
    {
        if (actor is null)
        {
            RequestContext.Remove(Key);
        }
        else
        {
            RequestContext.Set(Key, $"{actor.Id}|{actor.Name}");
        }
    }
}
