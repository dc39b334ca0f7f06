namespace Conversations.Grains.Interfaces.Properties;

public enum PropertyRole
{
    Agent = 0,
    Admin = 1,
}
