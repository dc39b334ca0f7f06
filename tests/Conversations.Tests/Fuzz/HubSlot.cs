using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.Tests.Fuzz;

/// <summary>
/// One hub connection of a fuzzing client, opened again when the server closed it (as it does, for example, for a
/// message over SignalR's 32 KB limit); the reasons it was closed are counted for the report.
/// </summary>
public sealed class HubSlot(string name, Func<Task<HubConnection>> connect) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HubConnection? _current;

    public const string ClosedWithoutError = "closed without error";

    public string Name { get; } = name;

    public ConcurrentDictionary<string, int> CloseReasons { get; } = new();

    public async Task<HubConnection> GetAsync()
    {
        if (_current is { State: HubConnectionState.Connected } ready)
        {
            return ready;
        }

        await _gate.WaitAsync();
        try
        {
            if (_current is { State: HubConnectionState.Connected } connected)
            {
                return connected;
            }

            if (_current is not null)
            {
                await _current.DisposeAsync();
            }

            var connection = await connect();
            connection.Closed += error =>
            {
                var reason = error is null ? ClosedWithoutError : $"{error.GetType().Name}: {error.Message}";
                CloseReasons.AddOrUpdate(reason.Length > 160 ? reason[..160] : reason, 1, (_, n) => n + 1);
                return Task.CompletedTask;
            };
            _current = connection;
            return connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_current is not null)
        {
            await _current.DisposeAsync();
        }

        _gate.Dispose();
    }
}
