namespace Conversations.Grains.Interfaces.Common;

/// <summary>
/// A command that cannot be taken now, but can be later: refused before anything is acknowledged (back-pressure),
/// or owed work that is being retried. The API answers 503 with Retry-After, the hub "Unavailable: …", SMTP 451.
/// </summary>
[GenerateSerializer, Alias("Conversations.UnavailableException")]
public sealed class UnavailableException(string message) : Exception(message);
