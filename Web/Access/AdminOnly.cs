namespace Conversations.Web.Access;

/// <summary>Endpoint metadata: only admins of the route's property may call it.</summary>
public sealed class AdminOnly
{
    public static AdminOnly Instance { get; } = new();
}
