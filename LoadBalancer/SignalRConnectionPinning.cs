using System.Collections.Concurrent;
using System.Text.Json;
using Yarp.ReverseProxy.Model;

namespace Conversations.LoadBalancer;

/// <summary>
/// Sends every request of one SignalR connection to the web node that negotiated it. The connection token handed out
/// by <c>…/negotiate</c> is known only to that node, so the WebSocket (or a fallback transport's requests, <c>?id=token</c>)
/// must reach it. Nothing else is sticky: sessions and keys are shared, so any other request may go to any node.
/// Done here rather than with an affinity cookie because the widget connects cross-site without credentials.
/// </summary>
public sealed class SignalRConnectionPinning(ILogger<SignalRConnectionPinning> logger)
{
    /// <summary>A token is used within seconds of its negotiation (WebSockets: once); fallback transports keep it longer.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, (string Destination, DateTimeOffset Until)> _tokens = new();

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var proxy = context.GetReverseProxyFeature();
        if (context.Request.Query["id"] is [{ } token] && _tokens.TryGetValue(token, out var pinned))
        {
            var destination = proxy.AvailableDestinations.FirstOrDefault(d => d.DestinationId == pinned.Destination)
                ?? proxy.AllDestinations.FirstOrDefault(d => d.DestinationId == pinned.Destination);
            if (destination is not null)
            {
                proxy.AvailableDestinations = [destination];
            }

            _tokens[token] = (pinned.Destination, DateTimeOffset.UtcNow + Lifetime);
            await next();
            return;
        }

        if (!context.Request.Path.Value!.EndsWith("/negotiate", StringComparison.Ordinal))
        {
            await next();
            return;
        }

        var body = context.Response.Body;
        using var copy = new MemoryStream();
        context.Response.Body = copy;
        try
        {
            await next();
        }
        finally
        {
            context.Response.Body = body;
        }

        Remember(copy.GetBuffer().AsSpan(0, (int)copy.Length), proxy.ProxiedDestination);
        copy.Position = 0;
        await copy.CopyToAsync(body);
    }

    private void Remember(ReadOnlySpan<byte> negotiation, DestinationState? destination)
    {
        if (destination is null || negotiation.IsEmpty)
        {
            return;
        }

        try
        {
            var reader = JsonDocument.Parse(negotiation.ToArray());
            if (reader.RootElement.TryGetProperty("connectionToken", out var token) || reader.RootElement.TryGetProperty("connectionId", out token))
            {
                _tokens[token.GetString()!] = (destination.DestinationId, DateTimeOffset.UtcNow + Lifetime);
            }
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "A negotiate answer from {Destination} was not JSON; its connection is not pinned.", destination.DestinationId);
        }

        if (_tokens.Count > 10_000)
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var (key, value) in _tokens)
            {
                if (value.Until < now)
                {
                    _tokens.TryRemove(key, out _);
                }
            }
        }
    }
}
