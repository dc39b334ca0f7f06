using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Web;

/// <summary>
/// The console's API types are generated at build time (openapi-typescript) from a committed copy of the OpenAPI
/// document, so the build needs no running server. This test keeps that copy equal to what the web node serves:
/// a C# change to the API fails here until the copy is refreshed, and the console's type-check then shows what broke.
/// Refresh with scripts/refresh-openapi.sh (this test with CONVERSATIONS_UPDATE_OPENAPI=1).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class OpenApiSnapshotTests(WebFixture fixture)
{
    public static string SnapshotPath { get; } = Path.Combine(RepositoryPaths.Root, "Web", "ClientApp", "openapi", "v1.json");

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact, Trait("Spec", "X-2")]
    public async Task X2_the_consoles_committed_openapi_snapshot_is_the_document_the_web_node_serves()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var served = Normalize(await agent.Http.GetStringAsync("/api/v1/openapi.json"));
        if (Environment.GetEnvironmentVariable("CONVERSATIONS_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(SnapshotPath, served);
        }

        Assert.True(File.Exists(SnapshotPath), $"{SnapshotPath} is missing: run scripts/refresh-openapi.sh.");
        var committed = Normalize(await File.ReadAllTextAsync(SnapshotPath));
        Assert.True(committed == served, $"{SnapshotPath} is stale: the web node serves another OpenAPI document. Run scripts/refresh-openapi.sh, then build the console to see what the change breaks.");
    }

    /// <summary>
    /// The document without the server list (its address changes with every run), its objects' members in name order (the
    /// order endpoints are mapped in means nothing to a client), indented, one line ending.
    /// </summary>
    private static string Normalize(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        document.Remove("servers");
        return Sorted(document)!.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value?.DeepClone())))),
        JsonArray a => new JsonArray(a.Select(item => Sorted(item?.DeepClone())).ToArray()),
        _ => node?.DeepClone(),
    };
}
