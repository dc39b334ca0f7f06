using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Properties;

namespace Conversations.Web.Properties;

public sealed record PropertyAgent(Guid Id, string Email, string Name, PropertyRole Role, AgentPresence Presence);
