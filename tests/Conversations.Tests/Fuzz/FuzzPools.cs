using System.Text.Json;
using System.Text.RegularExpressions;

namespace Conversations.Tests.Fuzz;

/// <summary>
/// What the fuzzer knows of the world: the property ids (its own, the foreign one holding the canary, a third one),
/// the ids seeded in them, and ids learned from answers, so requests reach real objects and not only 404s.
/// </summary>
public sealed partial class FuzzPools(string own, string foreign, string other)
{
    private readonly HashSet<string> _protected = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The property of the fuzzing admin and agent.</summary>
    public string Own { get; } = own;

    /// <summary>A property no fuzzing client belongs to; its data carries the canary.</summary>
    public string Foreign { get; } = foreign;

    /// <summary>The property of the foreign agent (the fuzzing client that belongs to neither of the others).</summary>
    public string Other { get; } = other;

    public StringPool Chats { get; } = new("chats");
    public StringPool Tickets { get; } = new("tickets");
    public StringPool Departments { get; } = new("departments");
    public StringPool KnowledgeBases { get; } = new("knowledge bases");
    public StringPool Categories { get; } = new("categories");
    public StringPool Articles { get; } = new("articles");
    public StringPool Agents { get; } = new("agents");
    public StringPool Visitors { get; } = new("visitors");
    public StringPool Organizations { get; } = new("organizations");
    public StringPool Shortcuts { get; } = new("shortcuts");
    public StringPool VisitorTokens { get; } = new("visitor tokens");
    public StringPool Emails { get; } = new("emails");
    public StringPool Cursors { get; } = new("cursors");

    /// <summary>Ids of the foreign property's objects, of every kind: fuzzed requests of the other clients reach for them too.</summary>
    public StringPool ForeignIds { get; } = new("foreign ids");

    /// <summary>Any GUID seen in an answer (whatever it names).</summary>
    public StringPool Guids { get; } = new("guids", 2000);

    /// <summary>Ids the fuzzer must never target with a destructive call: its own agents and their API tokens.</summary>
    public void Protect(string id) => _protected.Add(id);

    public bool IsProtected(string id) => _protected.Contains(id);

    /// <summary>Takes ids, visitor tokens and cursors out of an answer.</summary>
    public void Learn(string text)
    {
        if (text.Length == 0 || text.Length > 200_000)
        {
            return;
        }

        foreach (Match m in GuidPattern().Matches(text))
        {
            if (!IsProtected(m.Value))
            {
                Guids.Add(m.Value);
            }
        }

        foreach (Match m in VisitorIdPattern().Matches(text))
        {
            Visitors.Add(m.Value);
        }

        foreach (Match m in VisitorTokenPattern().Matches(text))
        {
            VisitorTokens.Add(m.Value);
        }

        foreach (Match m in CursorPattern().Matches(text))
        {
            Cursors.Add(m.Groups[1].Value);
        }

        foreach (Match m in OrganizationPattern().Matches(text))
        {
            Organizations.Add(m.Groups[1].Value);
        }
    }

    /// <summary>Puts what a successful create returned in the pool of its kind, so later requests work on it.</summary>
    public void LearnCreated(string operationPath, string answer)
    {
        var (pool, field) = operationPath[(operationPath.LastIndexOf('/') + 1)..] switch
        {
            "tickets" or "ticket" => (Tickets, "id"),
            "offline-messages" => (Tickets, "ticketId"),
            "StartChat" => (Chats, "id"),
            "departments" => (Departments, "id"),
            "knowledge-bases" => (KnowledgeBases, "id"),
            "categories" => (Categories, "id"),
            "articles" => (Articles, "id"),
            "organizations" => (Organizations, "organizationId"),
            "shortcuts" => (Shortcuts, "name"),
            "agents" => (Agents, "id"),
            _ => ((StringPool?)null, ""),
        };
        if (pool is null || !answer.StartsWith('{'))
        {
            return;
        }

        try
        {
            using var json = JsonDocument.Parse(answer);
            if (json.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String)
            {
                pool.Add(value.GetString()!);
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: nothing to learn.
        }
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();

    [GeneratedRegex("\\b[vu]-[0-9a-f]{32}\\b")]
    private static partial Regex VisitorIdPattern();

    [GeneratedRegex("v1\\.[vu]-[0-9a-f]{32}\\.[0-9a-f]{64}")]
    private static partial Regex VisitorTokenPattern();

    [GeneratedRegex("\"nextCursor\":\"([^\"]{1,200})\"")]
    private static partial Regex CursorPattern();

    [GeneratedRegex("\"organizationId\":\"([0-9a-f]{32})\"")]
    private static partial Regex OrganizationPattern();
}
