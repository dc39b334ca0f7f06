using System.Text.Json;

namespace Conversations.Tests.Fuzz;

/// <summary>One operation of the OpenAPI document: method, path template, parameters and the body's schema.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonElement? Body)
{
    public string Name => $"{Method} {Path}";

    /// <summary>The widget's endpoints, called by visitors from customers' sites.</summary>
    public bool IsWidget => Path.StartsWith("/api/v1/widget/", StringComparison.Ordinal);

    /// <summary>Every operation of the document; <paramref name="document"/> stays alive as long as the schemas are used.</summary>
    public static IReadOnlyList<ApiOperation> ReadAll(JsonDocument document)
    {
        var operations = new List<ApiOperation>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject())
            {
                var parameters = method.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => new ApiParameter(
                        p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        p.TryGetProperty("schema", out var schema) ? schema : default)).ToList()
                    : [];
                JsonElement? body = method.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.GetProperty("content").TryGetProperty("application/json", out var json)
                        ? json.GetProperty("schema")
                        : null;
                operations.Add(new ApiOperation(method.Name.ToUpperInvariant(), path.Name, parameters, body));
            }
        }

        return operations;
    }
}

/// <summary>A path or query parameter.</summary>
public sealed record ApiParameter(string Name, string In, JsonElement Schema);
