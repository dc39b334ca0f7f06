namespace Conversations.Grains.Interfaces.Visitors;

/// <summary>
/// Which visitor profile of a property an email address belongs to (VIS-1, VIS-5), keyed by <see cref="VisitorEmailKey.For"/>:
/// an email requester is linked to the visitor who gave that address (in the pre-chat form or on their profile), or to the
/// profile made for the first email from it. The first visitor to claim an address keeps it until they let it go.
/// </summary>
[Alias("Conversations.IVisitorEmailGrain")]
public interface IVisitorEmailGrain : IGrainWithStringKey
{
    /// <summary>Gives the address to <paramref name="visitorId"/> when no visitor holds it; returns the visitor that holds it (stored before it returns).</summary>
    [Alias("Claim")]
    Task<string> ClaimAsync(string visitorId);

    /// <summary>Lets the address go if <paramref name="visitorId"/> holds it; harmless otherwise.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string visitorId);

    [Alias("GetVisitor")]
    Task<string?> GetVisitorAsync();
}
