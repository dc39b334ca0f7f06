namespace Conversations.Grains.Interfaces.Agents;

public enum AgentPresence
{
    Offline = 0,
    Online = 1,
    Away = 2,
}
