namespace Conversations.Hosting.Settings;

/// <summary>A setting found invalid while the host is built; <see cref="SettingsCheck"/> reports it without a stack trace.</summary>
public sealed class InvalidSettingsException(string message) : InvalidOperationException(message);
