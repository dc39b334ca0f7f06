using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.Tests.Fuzz;

/// <summary>
/// Fuzzed calls of the agent hub (by the own admin and agent, the foreign agent, and anonymous callers, who cannot
/// even connect) and of the visitor hub: every argument from <see cref="FuzzValues"/>, now and then one too few,
/// one too many or of a wrong type. A connection the server closed (a message over 32 KB) is opened again.
/// </summary>
public sealed partial class HubCalls : IAsyncDisposable
{
    private readonly FuzzWorld _world;
    private readonly FuzzReport _report;
    private readonly CanaryWatch _canary;
    private readonly IReadOnlyList<MethodInfo> _agentHubMethods = FuzzValues.HubMethods(typeof(AgentHub));
    private readonly IReadOnlyList<MethodInfo> _visitorHubMethods = FuzzValues.HubMethods(typeof(VisitorHub));
    private readonly Dictionary<FuzzRole, HubSlot> _agentHubs;
    private readonly HubSlot[] _visitorHubs;

    public HubCalls(FuzzWorld world, FuzzReport report, CanaryWatch canary)
    {
        _world = world;
        _report = report;
        _canary = canary;
        _agentHubs = new[] { FuzzRole.Admin, FuzzRole.Agent, FuzzRole.ForeignAgent }
            .ToDictionary(r => r, r => new HubSlot("agent hub of " + r, () => world.ConnectAgentHubAsync(r, e => canary.Check("event on the agent hub of " + r, e))));
        _visitorHubs = Enumerable.Range(0, 2)
            .Select(i => new HubSlot("visitor hub " + i, () => world.ConnectVisitorHubAsync(e => canary.Check("event on a visitor hub", e))))
            .ToArray();
    }

    /// <summary>SignalR closes a connection that sends a message over 32 KB; these calls did.</summary>
    public const int MaximumMessageBytes = 32 * 1024;

    private int _oversized;

    public int MethodCount => _agentHubMethods.Count + _visitorHubMethods.Count;

    /// <summary>How many calls sent more than <see cref="MaximumMessageBytes"/> of arguments.</summary>
    public int OversizedCalls => _oversized;

    public IEnumerable<HubSlot> Slots => _agentHubs.Values.Concat(_visitorHubs);

    public async Task OpenAsync()
    {
        foreach (var slot in Slots)
        {
            await slot.GetAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var slot in Slots)
        {
            await slot.DisposeAsync();
        }
    }

    public async Task AgentHubAsync(int index, FuzzValues values)
    {
        var method = values.OneOf(_agentHubMethods);
        var endpoint = "hub agent " + method.Name;
        var role = values.Random.Next(100) switch
        {
            < 35 => FuzzRole.Admin,
            < 65 => FuzzRole.Agent,
            < 95 => FuzzRole.ForeignAgent,
            _ => FuzzRole.Anonymous,
        };
        if (role == FuzzRole.Anonymous)
        {
            // Without credentials the agent hub does not even open.
            using var negotiate = new HttpRequestMessage(HttpMethod.Post, AgentHub.Path + "/negotiate?negotiateVersion=1");
            using var response = await _world.Http.SendAsync(negotiate);
            var unauthorized = response.StatusCode == HttpStatusCode.Unauthorized;
            _report.Record(endpoint, role, unauthorized ? FuzzStatus.HubUnauthorized : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), false);
            if (!unauthorized)
            {
                _report.Fail($"#{index} an anonymous agent hub negotiation answered {(int)response.StatusCode}");
            }

            return;
        }

        await InvokeAsync(index, endpoint, role, _agentHubs[role], method, values);
    }

    public Task VisitorHubAsync(int index, FuzzValues values)
    {
        var method = values.OneOf(_visitorHubMethods);
        return InvokeAsync(index, "hub visitor " + method.Name, FuzzRole.Visitor, values.OneOf(_visitorHubs), method, values);
    }

    private async Task InvokeAsync(int index, string endpoint, FuzzRole role, HubSlot slot, MethodInfo method, FuzzValues values)
    {
        var arguments = Arguments(method, values);
        if (arguments.Sum(a => a.Length) > MaximumMessageBytes)
        {
            Interlocked.Increment(ref _oversized);
        }

        var described = $"#{index} {role} {endpoint}({string.Join(", ", arguments.Select(FuzzReport.Show))})";
        HubConnection connection;
        try
        {
            connection = await slot.GetAsync();
        }
        catch (Exception e)
        {
            _report.Record(endpoint, role, FuzzStatus.ClientError, false);
            _report.Fail($"{described}: the {slot.Name} could not be opened again ({e.GetType().Name}: {e.Message})");
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var parsed = arguments.Select(Sendable).ToArray();
            var result = await connection.InvokeCoreAsync(method.Name, typeof(JsonElement), parsed, timeout.Token);
            var text = result is JsonElement element ? element.GetRawText() : "";
            _report.Record(endpoint, role, FuzzStatus.HubOk, true);
            _canary.Check(described, text);
            _world.Pools.Learn(text);
            _world.Pools.LearnCreated(method.Name, text);
        }
        catch (HubException e)
        {
            var status = Classify(e.Message);
            _report.Record(endpoint, role, status, false);
            if (status == FuzzStatus.HubError)
            {
                _report.Fail($"{described}: {e.Message}");
            }

            _canary.Check(described, e.Message);
        }
        catch (Exception) when (!timeout.IsCancellationRequested && connection.State != HubConnectionState.Connected)
        {
            _report.Record(endpoint, role, FuzzStatus.HubClosed, false);
        }
        catch (Exception e)
        {
            _report.Record(endpoint, role, FuzzStatus.ClientError, false);
            _report.Fail($"{described}: no answer ({e.GetType().Name}: {e.Message})");
        }
    }

    /// <summary>
    /// The argument as the SignalR client can send it: its JSON writer refuses a swapped surrogate pair (a lone
    /// surrogate alone goes through), so such an argument goes with U+FFFD in its place.
    /// </summary>
    private static object? Sendable(string json)
    {
        var element = JsonDocument.Parse(json).RootElement.Clone();
        try
        {
            JsonSerializer.Serialize(element);
            return element;
        }
        catch (JsonException)
        {
            return JsonDocument.Parse(SurrogateEscape().Replace(json, "\\ufffd")).RootElement.Clone();
        }
    }

    [GeneratedRegex("\\\\u[dD][89a-fA-F][0-9a-fA-F]{2}")]
    private static partial Regex SurrogateEscape();

    /// <summary>
    /// A refusal is the HubException the hub threw: SignalR passes it on after "An unexpected error occurred invoking 'X'
    /// on the server. HubException: "; any other exception there is a server error. A connection the server closed
    /// (a message over SignalR's 32 KB limit) fails every call in flight on it.
    /// </summary>
    private static string Classify(string message)
    {
        const string unexpected = "An unexpected error occurred invoking";
        if (message.StartsWith("The server closed the connection", StringComparison.Ordinal))
        {
            return FuzzStatus.HubClosed;
        }

        if (message.StartsWith("Failed to invoke", StringComparison.Ordinal))
        {
            return FuzzStatus.HubBadArguments; // the arguments did not bind to the method's parameters
        }

        if (!message.StartsWith(unexpected, StringComparison.Ordinal))
        {
            return FuzzStatus.HubRefused;
        }

        var details = message.IndexOf(" on the server.", StringComparison.Ordinal) is var end and >= 0 ? message[(end + " on the server.".Length)..] : "";
        return details.StartsWith(" HubException: ", StringComparison.Ordinal) ? FuzzStatus.HubRefused : FuzzStatus.HubError;
    }

    /// <summary>The method's arguments as JSON; now and then one too few, one too many, or one of a wrong type.</summary>
    private static List<string> Arguments(MethodInfo method, FuzzValues values)
    {
        var arguments = method.GetParameters().Select(p => values.JsonFor(p.ParameterType, p.Name!)).ToList();
        switch (values.Clean ? 100 : values.Random.Next(100))
        {
            case < 4 when arguments.Count > 0:
                arguments.RemoveAt(arguments.Count - 1);
                break;
            case < 7:
                arguments.Add(JsonText.Quote(values.Hostile()));
                break;
            case < 14 when arguments.Count > 0:
                arguments[values.Random.Next(arguments.Count)] = values.WrongType();
                break;
        }

        return arguments;
    }

}
