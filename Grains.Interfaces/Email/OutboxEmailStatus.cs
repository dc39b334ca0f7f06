namespace Conversations.Grains.Interfaces.Email;

public enum OutboxEmailStatus
{
    Pending = 1,
    Sent = 2,
    Dead = 3,
}
