using Microsoft.AspNetCore.SignalR;

namespace Conversations.Web.Errors;

/// <summary>
/// SignalR's hub dispatcher logs every exception a hub method throws as an error with its stack trace ("Failed to invoke
/// hub method"), refusals included. A <see cref="HubException"/> is a refusal the caller was told about (bad input, a rate
/// limit, a domain rule, "unavailable"; see <see cref="DomainExceptionHubFilter"/>): this factory has the dispatcher write
/// those as one warning line without a stack. Everything else, the dispatcher's other failures included, passes unchanged.
/// </summary>
public sealed partial class HubRefusalLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    /// <summary>The category of SignalR's DefaultHubDispatcher (generic arguments are not part of a category name).</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName == DispatcherCategory ? new RefusalLogger(logger) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed partial class RefusalLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not HubException refusal)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            var method = state is IReadOnlyList<KeyValuePair<string, object?>> values
                ? values.FirstOrDefault(v => v.Key == "HubMethod").Value as string
                : null;
            LogRefused(inner, method ?? "?", refusal.Message);
        }

        [LoggerMessage(1601, LogLevel.Warning, "Hub method '{HubMethod}' refused: {Reason}", EventName = "HubMethodRefused")]
        private static partial void LogRefused(ILogger logger, string hubMethod, string reason);
    }
}
