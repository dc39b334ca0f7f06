namespace Conversations.Web.Realtime;

/// <summary>Which hub a listener is on; visitors never receive internal events.</summary>
public enum Audience
{
    Agents = 0,
    Visitors = 1,
}
