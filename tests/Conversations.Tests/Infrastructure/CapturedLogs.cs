using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Conversations.Tests.Infrastructure;

/// <summary>A logger provider that keeps every entry at <see cref="MinimumLevel"/> or above, for tests that assert what a process logged.</summary>
public sealed class CapturedLogs(LogLevel minimumLevel = LogLevel.Error) : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();

    public LogLevel MinimumLevel { get; } = minimumLevel;

    public IReadOnlyCollection<CapturedLogEntry> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.MinimumLevel && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._entries.Enqueue(new CapturedLogEntry(logLevel, category, eventId, formatter(state, exception), exception));
            }
        }
    }
}

public sealed record CapturedLogEntry(LogLevel Level, string Category, EventId EventId, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}[{EventId.Id}]: {Message}" + (Exception is null ? "" : $" -- {Exception.GetType().Name}: {Exception.Message}");
}
