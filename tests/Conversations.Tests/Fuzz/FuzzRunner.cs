using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.Tests.Fuzz;

/// <summary>
/// Sends the fuzzed calls: REST operations of the OpenAPI document and methods of both hubs, each generated from
/// a random source seeded by (seed, index), by every role. Records every answer and fails on a server error, a call
/// without an answer, or the foreign property's canary in anything a fuzzing client receives.
/// </summary>
public sealed partial class FuzzRunner : IAsyncDisposable
{
    private const string Json = "application/json";

    private static readonly string[] MalformedBodies =
    [
        "{", "{\"a\":", "[", "\"", "{\"a\":1}}", "nul", "{'a':1}", "{\"a\":1,}", "\u0000", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\x41\"}",
        new string('[', 5_000) + new string(']', 5_000), new string('{', 1) + string.Concat(Enumerable.Repeat("\"a\":{", 2_000)),
    ];

    private readonly FuzzWorld _world;
    private readonly IReadOnlyList<ApiOperation> _operations;
    private readonly JsonElement _components;
    private readonly FuzzReport _report;
    private readonly IReadOnlyList<MethodInfo> _agentHubMethods = FuzzValues.HubMethods(typeof(AgentHub));
    private readonly IReadOnlyList<MethodInfo> _visitorHubMethods = FuzzValues.HubMethods(typeof(VisitorHub));
    private readonly Dictionary<FuzzRole, HubSlot> _agentHubs;
    private readonly HubSlot[] _visitorHubs;

    public FuzzRunner(FuzzWorld world, IReadOnlyList<ApiOperation> operations, JsonElement components, FuzzReport report)
    {
        _world = world;
        _operations = operations;
        _components = components;
        _report = report;
        _agentHubs = new[] { FuzzRole.Admin, FuzzRole.Agent, FuzzRole.ForeignAgent }
            .ToDictionary(r => r, r => new HubSlot("agent hub of " + r, () => world.ConnectAgentHubAsync(r, e => CheckCanary("event on the agent hub of " + r, e))));
        _visitorHubs = Enumerable.Range(0, 2)
            .Select(i => new HubSlot("visitor hub " + i, () => world.ConnectVisitorHubAsync(e => CheckCanary("event on a visitor hub", e))))
            .ToArray();
    }

    public int HubMethodCount => _agentHubMethods.Count + _visitorHubMethods.Count;

    public IEnumerable<HubSlot> HubSlots => _agentHubs.Values.Concat(_visitorHubs);

    public async Task RunAsync(int requests, int concurrency)
    {
        foreach (var slot in HubSlots)
        {
            await slot.GetAsync();
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (index, _) =>
        {
            if (index > 0 && index % 1000 == 0)
            {
                await _world.RepairAsync();
            }

            var values = new FuzzValues(new Random(unchecked((_report.Seed * 1_000_003) + index)), _world.Pools);
            var kind = values.Random.Next(100);
            if (kind < 70)
            {
                await RestAsync(index, values);
            }
            else if (kind < 85)
            {
                await AgentHubAsync(index, values);
            }
            else
            {
                await VisitorHubAsync(index, values);
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var slot in HubSlots)
        {
            await slot.DisposeAsync();
        }
    }

    private async Task RestAsync(int index, FuzzValues values)
    {
        var operation = values.OneOf(_operations);
        var role = Role(operation, values);
        var path = operation.Path;
        var query = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            var text = values.ParameterText(parameter);
            if (parameter.In == "path")
            {
                if (operation.Method == "DELETE" && _world.Pools.IsProtected(text))
                {
                    text = Guid.NewGuid().ToString(); // never remove a fuzzing client or revoke its token
                }

                path = path.Replace("{" + parameter.Name + "}", Escape(text), StringComparison.Ordinal);
            }
            else if (values.Chance(0.7))
            {
                query.Add(parameter.Name + "=" + Escape(text));
            }
        }

        var url = path + (query.Count > 0 ? "?" + string.Join("&", query) : "");
        var (body, contentType) = Body(operation, values);
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            request.Headers.ExpectContinue = body.Length > 1_000_000; // the 413 then comes before the body is sent
        }

        _world.Authenticate(request, role);
        if (role is FuzzRole.Visitor or FuzzRole.Anonymous)
        {
            request.Headers.Add("X-Forwarded-For", TestVisitor.UniqueAddress());
        }

        if (values.Chance(values.Hostility / 3))
        {
            request.Headers.Add("Origin", values.Chance(0.5) ? "https://evil.example" : _world.BaseAddress.GetLeftPart(UriPartial.Authority));
        }

        var described = $"#{index} {role} {operation.Method} {Show(url)} body {Show(body)} ({contentType})";
        HttpStatusCode status;
        string answer;
        try
        {
            using var response = await _world.Http.SendAsync(request);
            status = response.StatusCode;
            answer = await response.Content.ReadAsStringAsync();
        }
        catch (Exception e)
        {
            _report.Record(operation.Name, role, FuzzStatus.ClientError, false);
            _report.Fail($"{described}: no answer ({e.GetType().Name}: {e.Message})");
            return;
        }

        var code = (int)status;
        _report.Record(operation.Name, role, code.ToString(System.Globalization.CultureInfo.InvariantCulture), code is >= 200 and < 300);
        if (code >= 500)
        {
            _report.Fail($"{described} -> {code}: {Show(answer)}");
        }

        CheckCanary(described, answer);
        if (code is >= 200 and < 300)
        {
            _world.Pools.Learn(answer);
            _world.Pools.LearnCreated(operation.Path, answer);
        }
    }

    private async Task AgentHubAsync(int index, FuzzValues values)
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
            _report.Record(endpoint, role, unauthorized ? FuzzStatus.HubUnauthorized : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), false);
            if (!unauthorized)
            {
                _report.Fail($"#{index} an anonymous agent hub negotiation answered {(int)response.StatusCode}");
            }

            return;
        }

        await InvokeAsync(index, endpoint, role, _agentHubs[role], method, values);
    }

    private Task VisitorHubAsync(int index, FuzzValues values)
    {
        var method = values.OneOf(_visitorHubMethods);
        return InvokeAsync(index, "hub visitor " + method.Name, FuzzRole.Visitor, values.OneOf(_visitorHubs), method, values);
    }

    private async Task InvokeAsync(int index, string endpoint, FuzzRole role, HubSlot slot, MethodInfo method, FuzzValues values)
    {
        var arguments = Arguments(method, values);
        var described = $"#{index} {role} {endpoint}({string.Join(", ", arguments.Select(Show))})";
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
            CheckCanary(described, text);
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

            CheckCanary(described, e.Message);
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
    /// A refusal is the HubException the hub threw (with detailed errors, as in Development, SignalR puts "An unexpected
    /// error occurred invoking 'X' on the server. HubException: " before it); any other exception is a server error.
    /// </summary>
    private static string Classify(string message)
    {
        const string unexpected = "An unexpected error occurred invoking";
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

    private (string? Body, string ContentType) Body(ApiOperation operation, FuzzValues values)
    {
        if (operation.Body is not { } schema)
        {
            return values.Chance(values.Hostility / 4) ? (values.WrongType(), Json) : (null, Json);
        }

        return (values.Clean ? 0 : values.Random.Next(100)) switch
        {
            < 80 => (values.JsonFor(schema, _components, "body"), Json),
            < 84 => (values.WrongType(), Json),
            < 89 => (values.OneOf(MalformedBodies), Json),
            < 91 => ("", Json),
            < 94 => (values.JsonFor(schema, _components, "body"),
                values.OneOf(["text/plain", "application/x-www-form-urlencoded", "application/xml", "application/json; charset=utf-16", "application/merge-patch+json"])),
            < 95 => (JsonText.Quote(new string('a', 1_100_000)), Json),
            _ => (JsonText.Object([("name", JsonText.Quote(values.Hostile())), ("name", JsonText.Quote(values.Hostile()))]), Json),
        };
    }

    /// <summary>Widget endpoints are mostly called by visitors; everything else by every role.</summary>
    private static FuzzRole Role(ApiOperation operation, FuzzValues values) => values.Random.Next(100) switch
    {
        < 75 when operation.IsWidget => FuzzRole.Visitor,
        < 35 => FuzzRole.Admin,
        < 60 => FuzzRole.Agent,
        < 80 => FuzzRole.ForeignAgent,
        < 90 => FuzzRole.Anonymous,
        _ => FuzzRole.Visitor,
    };

    private void CheckCanary(string what, string text)
    {
        if (text.Contains(_world.Canary, StringComparison.OrdinalIgnoreCase))
        {
            _report.Fail($"FOREIGN DATA: {what} received the foreign property's canary: {Show(text)}");
        }
    }

    /// <summary>Percent-encodes every byte of the UTF-8 form except unreserved characters (a lone surrogate becomes U+FFFD).</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                escaped.Append((char)b);
            }
            else
            {
                escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }

    /// <summary>A value for a failure message: escaped, and cut to 300 characters with its length.</summary>
    public static string Show(string? text)
    {
        if (text is null)
        {
            return "(none)";
        }

        var quoted = JsonText.Quote(text.Length > 300 ? text[..300] : text);
        return text.Length > 300 ? $"{quoted}… ({text.Length:N0} chars)" : quoted;
    }
}
