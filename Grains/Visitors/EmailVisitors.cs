using Conversations.Grains.Interfaces.Visitors;

namespace Conversations.Grains.Visitors;

/// <summary>
/// VIS-1, VIS-5: the visitor profile an email requester is linked to: the visitor holding the address (one who gave it in
/// the pre-chat form or on their profile), else a profile made for it, named after the sender. Each step is stored before it
/// returns and repeats harmlessly, so a retried email finds the same profile.
/// </summary>
public static class EmailVisitors
{
    public static async Task<string> FindOrCreateAsync(IGrainFactory grains, string propertyId, string email, string? name)
    {
        var visitorId = await grains.GetGrain<IVisitorEmailGrain>(VisitorEmailKey.For(propertyId, email))
            .ClaimAsync(VisitorEmailKey.NewVisitorId(propertyId, email));
        await grains.GetGrain<IVisitorGrain>(VisitorKey.For(propertyId, visitorId)).RecordEmailContactAsync(email, name);
        return visitorId;
    }
}
