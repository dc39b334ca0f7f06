using Conversations.Grains.Interfaces.Properties;

namespace Conversations.Web.Properties;

/// <summary>Creates the agent (a password is then required) or adds an existing one by email.</summary>
public sealed record AddAgentRequest(string Email, string Name, string? Password, PropertyRole Role);
