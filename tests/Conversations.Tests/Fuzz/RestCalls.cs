using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Fuzz;

/// <summary>
/// Fuzzed calls of the REST operations in the OpenAPI document: path, query and body values from <see cref="FuzzValues"/>,
/// bodies now and then malformed, empty, too large or of another content type, sometimes from another site's origin.
/// </summary>
public sealed class RestCalls(FuzzWorld world, IReadOnlyList<ApiOperation> operations, JsonElement components, FuzzReport report, CanaryWatch canary)
{
    private const string Json = "application/json";

    /// <summary>Kestrel's default limit on the request line (KestrelServerLimits.MaxRequestLineSize).</summary>
    private const int MaxRequestLineBytes = 8 * 1024;

    private static readonly string[] MalformedBodies =
    [
        "{", "{\"a\":", "[", "\"", "{\"a\":1}}", "nul", "{'a':1}", "{\"a\":1,}", "\u0000", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\x41\"}",
        new string('[', 5_000) + new string(']', 5_000), "{" + string.Concat(Enumerable.Repeat("\"a\":{", 2_000)),
    ];

    private readonly FuzzWorld _world = world;
    private readonly FuzzReport _report = report;
    private readonly CanaryWatch _canary = canary;

    public async Task SendAsync(int index, FuzzValues values)
    {
        var operation = values.OneOf(operations);
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

        var described = $"#{index} {role} {operation.Method} {FuzzReport.Show(url)} body {FuzzReport.Show(body)} ({contentType})";
        HttpStatusCode status;
        string answer;
        try
        {
            using var response = await _world.Http.SendAsync(request);
            status = response.StatusCode;
            answer = await response.Content.ReadAsStringAsync();
        }
        catch (HttpRequestException) when (url.Length > MaxRequestLineBytes - 64)
        {
            // Kestrel answers 414 to a request line over its limit and closes the connection, often while the client is
            // still writing that line: then the client sees the connection reset instead of the 414.
            _report.Record(operation.Name, role, FuzzStatus.RequestLineReset, false);
            return;
        }
        catch (Exception e)
        {
            _report.Record(operation.Name, role, FuzzStatus.ClientError, false);
            _report.Fail($"{described}: no answer ({e.GetType().Name}: {e.Message})");
            return;
        }

        var code = (int)status;
        _report.Record(operation.Name, role, code.ToString(CultureInfo.InvariantCulture), code is >= 200 and < 300);
        if (code >= 500)
        {
            _report.Fail($"{described} -> {code}: {FuzzReport.Show(answer)}");
        }

        _canary.Check(described, answer);
        if (code is >= 200 and < 300)
        {
            _world.Pools.Learn(answer);
            _world.Pools.LearnCreated(operation.Path, answer);
        }
    }

    private (string? Body, string ContentType) Body(ApiOperation operation, FuzzValues values)
    {
        if (operation.Body is not { } schema)
        {
            return values.Chance(values.Hostility / 4) ? (values.WrongType(), Json) : (null, Json);
        }

        return (values.Clean ? 0 : values.Random.Next(100)) switch
        {
            < 80 => (values.JsonFor(schema, components, "body"), Json),
            < 84 => (values.WrongType(), Json),
            < 89 => (values.OneOf(MalformedBodies), Json),
            < 91 => ("", Json),
            < 94 => (values.JsonFor(schema, components, "body"),
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
                escaped.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }

}
