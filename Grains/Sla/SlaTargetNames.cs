using Conversations.Grains.Interfaces.Sla;

namespace Conversations.Grains.Sla;

public static class SlaTargetNames
{
    public static string Of(SlaTarget target) => target switch
    {
        SlaTarget.FirstResponse => "The first response",
        SlaTarget.NextResponse => "The next response",
        SlaTarget.Resolution => "The resolution",
        _ => target.ToString(),
    };
}
