using Conversations.Load.Bench.Clients;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.Load.Bench.Scenarios;

/// <summary>
/// The clients of the system under test, kept across S1, S2 and S4: visitors with a chat each (added as the
/// chat count grows) and the signed-in agent whose consoles watch the property.
/// </summary>
public sealed class LoadCluster(BenchOptions options, AgentConsole agent) : IAsyncDisposable
{
    private readonly HttpClient _http = new();
    private readonly List<HubConnection> _consoles = [];

    public List<WidgetVisitor> Visitors { get; } = [];

    public BenchOptions Options => options;

    public int ConsoleCount => _consoles.Count;

    public static async Task<LoadCluster> SignInAsync(BenchOptions options) =>
        new(options, await AgentConsole.SignInAsync(options.Web, options.AdminEmail, options.AdminPassword));

    /// <summary>Opens widget sessions and starts chats until there are <paramref name="count"/>.</summary>
    public async Task GrowVisitorsAsync(int count)
    {
        var first = Visitors.Count;
        Visitors.AddRange(await HubConnections.OpenManyAsync(count - first, 16,
            i => WidgetVisitor.StartChatAsync(_http, options.Web, options.PropertyId, first + i)));
    }

    /// <summary>Opens <paramref name="count"/> more agent consoles on the property.</summary>
    public async Task OpenConsolesAsync(int count, Action<string> messagePosted)
    {
        _consoles.AddRange(await HubConnections.OpenManyAsync(count, 16, _ => agent.OpenAsync(options.PropertyId, messagePosted)));
    }

    /// <summary>Closes the consoles opened last until <paramref name="keep"/> are left.</summary>
    public async Task CloseConsolesAsync(int keep)
    {
        var closing = _consoles.Skip(keep).ToList();
        _consoles.RemoveRange(keep, closing.Count);
        await Task.WhenAll(closing.Select(c => c.DisposeAsync().AsTask()));
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_consoles.Select(c => c.DisposeAsync().AsTask()).Concat(Visitors.Select(v => v.DisposeAsync().AsTask())));
        _http.Dispose();
    }
}
