using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Conversations.Tests.Fuzz;

/// <summary>
/// Values for one request: most are plausible (known ids, valid enums, small numbers, ordinary words), so requests
/// get past the first check and reach the grains; the rest are boundary values, hostile strings and wrong JSON types.
/// </summary>
public sealed class FuzzValues
{
    private readonly FuzzPools _pools;
    private static readonly string[] Words = ["hello", "order 42", "refund please", "Ann", "Bob Smith", "billing", "vip", "urgent", "lorem ipsum dolor", "support"];

    private static readonly long[] Boundaries =
        [0, 1, -1, 2, 19, 20, 21, 49, 50, 51, 99, 100, 101, 199, 200, 201, 999, 1000, 1001, 4000, 4001, int.MaxValue, int.MinValue, (long)int.MaxValue + 1, long.MaxValue, long.MinValue];

    public FuzzValues(Random random, FuzzPools pools)
    {
        Random = random;
        _pools = pools;
        Clean = random.NextDouble() < 0.35;
        Hostility = Clean ? 0 : 0.2;
    }

    public Random Random { get; }

    /// <summary>A clean request has only plausible values, so it gets past validation and into the grains' rules.</summary>
    public bool Clean { get; }

    /// <summary>How often a value is replaced by a hostile string (a fourth as often by a wrong JSON type).</summary>
    public double Hostility { get; }

    public bool Chance(double probability) => Random.NextDouble() < probability;

    public T OneOf<T>(IReadOnlyList<T> values) => values[Random.Next(values.Count)];

    public string Hostile() => OneOf(HostileStrings.All);

    public string PropertyId() => Random.Next(100) switch
    {
        < 55 => _pools.Own,
        < 70 => _pools.Foreign,
        < 78 => _pools.Other,
        < 85 => "p-" + Random.Next(100_000).ToString(CultureInfo.InvariantCulture),
        _ => Hostile(),
    };

    /// <summary>A value for a field or parameter, chosen by its name: mostly plausible, sometimes hostile.</summary>
    public string StringFor(string name, bool guidFormat = false)
    {
        if (Chance(Hostility))
        {
            return Hostile();
        }

        if (guidFormat)
        {
            return GuidFor(name);
        }

        return name.ToLowerInvariant() switch
        {
            "propertyid" or "id" => PropertyId(),
            "visitorid" or "requestervisitorid" => Chance(0.1) ? _pools.ForeignIds.Pick(Random, "v-0") : _pools.Visitors.Pick(Random, "v-" + Guid.NewGuid().ToString("N")),
            "organizationid" => Chance(0.1) ? _pools.ForeignIds.Pick(Random, "o-0") : _pools.Organizations.Pick(Random, Guid.NewGuid().ToString("N")),
            "assigneeid" or "assignee" => Random.Next(4) switch
            {
                0 => _pools.Departments.Pick(Random, Guid.NewGuid().ToString()),
                1 => "me",
                _ => _pools.Agents.Pick(Random, Guid.NewGuid().ToString()),
            },
            "visitortoken" => _pools.VisitorTokens.Pick(Random, "v1.x.y"),
            "email" or "requesteremail" or "visitoremail" or "supportemail" =>
                Chance(0.5) ? _pools.Emails.Pick(Random, "ann@example.com") : $"fuzz-{Guid.NewGuid():N}@example.test",
            "password" => Chance(0.5) ? "correct-horse-battery" : Hostile(),
            "commandid" => "c-" + Random.Next(Chance(0.3) ? 20 : int.MaxValue).ToString(CultureInfo.InvariantCulture),
            "cursor" => _pools.Cursors.Pick(Random, "1.2.3"),
            "view" => OneOf(["all", "chats", "tickets", "trash", "spam", "ALL", "inbox"]),
            "status" => OneOf(["open", "pending", "closed", "open,pending", "Open", "1", "open,,closed"]),
            "sort" => OneOf(["updated", "priority", "Priority", "created"]),
            "priority" => OneOf(["high", "lowest,highest", "Medium", "urgent"]),
            "state" => OneOf(["dead", "pending", "DEAD"]),
            "tags" => OneOf(["vip", "vip,billing", "billing, urgent", "x"]),
            "name" => Chance(0.5) ? _pools.Shortcuts.Pick(Random, "greeting") : OneOf(Words),
            "slug" => "slug-" + Random.Next(1000).ToString(CultureInfo.InvariantCulture),
            "url" => "https://example.com/page/" + Random.Next(100).ToString(CultureInfo.InvariantCulture),
            "ip" => OneOf(["203.0.113.5", "198.18.0.1", "::1", "2001:db8::1", "999.1.1.1"]),
            "userid" => "user-" + Random.Next(10).ToString(CultureInfo.InvariantCulture),
            "userhash" => new string('a', 64),
            "facebook" or "linkedin" or "twitter" or "instagram" or "domain" => OneOf(["https://example.com/ann", "example.com", "http://x", ""]),
            "phone" => "+1 555 0100",
            "value" => OneOf(["12.5", "2026-11-25", "true", "text", ""]),
            _ => OneOf(Words),
        };
    }

    /// <summary>A GUID for a parameter named like <paramref name="name"/>: a known one of its kind, any known one, a new one, or empty.</summary>
    public string GuidFor(string name)
    {
        var pool = name.ToLowerInvariant() switch
        {
            "chatid" => _pools.Chats,
            "ticketid" or "messageid" => _pools.Tickets,
            "conversationid" or "ids" => Chance(0.5) ? _pools.Chats : _pools.Tickets,
            "departmentid" => _pools.Departments,
            "knowledgebaseid" => _pools.KnowledgeBases,
            "categoryid" => _pools.Categories,
            "articleid" => _pools.Articles,
            "agentid" or "agentids" => _pools.Agents,
            _ => _pools.Guids,
        };
        return Random.Next(20) switch
        {
            < 14 => pool.Pick(Random, Guid.NewGuid().ToString()),
            < 16 => _pools.ForeignIds.Pick(Random, Guid.NewGuid().ToString()),
            < 18 => _pools.Guids.Pick(Random, Guid.NewGuid().ToString()),
            18 => Guid.NewGuid().ToString(),
            _ => Chance(0.5) ? Guid.Empty.ToString() : Guid.NewGuid().ToString("N"),
        };
    }

    public long Integer() => Chance(Clean ? 0.95 : 0.6) ? Random.Next(0, 60) : OneOf(Boundaries);

    public string Date() => Random.Next(5) switch
    {
        0 => "0001-01-01T00:00:00Z",
        1 => "9999-12-31T23:59:59Z",
        _ => DateTimeOffset.UtcNow.AddDays(Random.Next(-30, 30)).ToString("O", CultureInfo.InvariantCulture),
    };

    /// <summary>The text of a path or query value, from its schema.</summary>
    public string ParameterText(ApiParameter parameter)
    {
        var schema = parameter.Schema;
        var format = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var types = Types(schema);
        if (types.Contains("boolean"))
        {
            return Chance(1 - Hostility / 2) ? OneOf(["true", "false"]) : Hostile();
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            return Chance(1 - Hostility / 2) ? Integer().ToString(CultureInfo.InvariantCulture) : Hostile();
        }

        if (format == "date-time")
        {
            return Chance(1 - Hostility / 2) ? Date() : Hostile();
        }

        return parameter.Name == "propertyId" ? (Chance(1 - Hostility / 2) ? PropertyId() : Hostile()) : StringFor(parameter.Name, format == "uuid");
    }

    /// <summary>JSON for a schema of the OpenAPI document, with a wrong type now and then.</summary>
    public string JsonFor(JsonElement schema, JsonElement components, string name, int depth = 0)
    {
        schema = Resolve(schema, components);
        if (depth > 0 && Chance(Hostility / 4))
        {
            return WrongType();
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return JsonText.Quote(StringFor(name));
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            var names = values.EnumerateArray().Select(v => v.ToString()).ToList();
            return (Clean ? 0 : Random.Next(10)) switch
            {
                < 7 => JsonText.Quote(OneOf(names)),
                7 => JsonText.Number(Random.Next(-1, names.Count + 2)),
                8 => JsonText.Quote(OneOf(names).ToLowerInvariant()),
                _ => JsonText.Quote(Hostile()),
            };
        }

        if (schema.TryGetProperty("oneOf", out var branches))
        {
            var list = branches.EnumerateArray().ToList();
            return JsonFor(OneOf(list), components, name, depth + 1);
        }

        var types = Types(schema);
        if (types.Contains("null") && Chance(Clean ? 0.05 : 0.15))
        {
            return JsonText.Null;
        }

        if (types.Contains("object") || schema.TryGetProperty("properties", out _))
        {
            var properties = schema.TryGetProperty("properties", out var p) ? p.EnumerateObject().ToList() : [];
            var fields = properties.Where(_ => Chance(Clean ? 0.97 : 0.9)).Select(prop => (prop.Name, JsonFor(prop.Value, components, prop.Name, depth + 1))).ToList();
            if (Chance(Hostility / 4))
            {
                fields.Add(("unexpected", JsonText.Quote(Hostile())));
            }

            return JsonText.Object(fields);
        }

        if (types.Contains("array"))
        {
            var items = schema.TryGetProperty("items", out var i) ? i : default;
            var count = (Clean ? 0 : Random.Next(10)) switch
            {
                < 8 => Random.Next(0, 4),
                8 => Random.Next(19, 23),
                _ => Random.Next(195, 260),
            };
            return JsonText.Array(Enumerable.Range(0, count).Select(_ => JsonFor(items, components, name, depth + 1)));
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            return JsonText.Number(Integer());
        }

        if (types.Contains("boolean"))
        {
            return JsonText.Bool(Chance(0.5));
        }

        var format = schema.TryGetProperty("format", out var fmt) ? fmt.GetString() : null;
        return JsonText.Quote(format switch
        {
            "uuid" => Chance(1 - Hostility / 2) ? GuidFor(name) : Hostile(),
            "date-time" => Chance(1 - Hostility / 2) ? Date() : Hostile(),
            _ => StringFor(name),
        });
    }

    /// <summary>JSON for a .NET type (hub method arguments), with a wrong type now and then.</summary>
    public string JsonFor(Type type, string name, int depth = 0)
    {
        if (depth > 0 && Chance(Hostility / 4))
        {
            return WrongType();
        }

        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Chance(Clean ? 0.2 : 0.3) ? JsonText.Null : JsonFor(inner, name, depth + 1);
        }

        if (type == typeof(string))
        {
            return Chance(Hostility / 4) ? JsonText.Null : JsonText.Quote(name == "propertyId" ? PropertyId() : StringFor(name));
        }

        if (type == typeof(Guid))
        {
            return JsonText.Quote(Chance(1 - Hostility / 4) ? GuidFor(name) : Hostile());
        }

        if (type == typeof(long) || type == typeof(int))
        {
            return JsonText.Number(Integer());
        }

        if (type == typeof(bool))
        {
            return JsonText.Bool(Chance(0.5));
        }

        if (type == typeof(DateTimeOffset))
        {
            return JsonText.Quote(Chance(1 - Hostility / 2) ? Date() : Hostile());
        }

        if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            return (Clean ? 0 : Random.Next(10)) switch
            {
                < 7 => JsonText.Quote(OneOf(names)),
                7 => JsonText.Number(Random.Next(-1, names.Length + 2)),
                _ => JsonText.Quote(Hostile()),
            };
        }

        if (type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            return JsonText.Array(Enumerable.Range(0, Random.Next(0, 4)).Select(_ => JsonFor(item, name, depth + 1)));
        }

        // A record: its constructor's parameters, camel-cased as the hub's JSON protocol reads them.
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        return constructor is null || depth > 3
            ? JsonText.Null
            : JsonText.Object(constructor.GetParameters().Where(_ => Chance(Clean ? 0.9 : 0.8))
                .Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name!), JsonFor(p.ParameterType, p.Name!, depth + 1))));
    }

    public string WrongType() => Random.Next(7) switch
    {
        0 => JsonText.Number(Integer()),
        1 => JsonText.Bool(Chance(0.5)),
        2 => "{}",
        3 => "[1,\"a\",null]",
        4 => JsonText.Null,
        5 => "1.5e308",
        _ => JsonText.Quote(Hostile()),
    };

    public static IReadOnlyList<MethodInfo> HubMethods(Type hub) =>
        hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.GetBaseDefinition().DeclaringType == hub && !m.IsSpecialName)
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToList();

    private static JsonElement Resolve(JsonElement schema, JsonElement components)
    {
        for (var i = 0; i < 5 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); i++)
        {
            schema = components.GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        return schema;
    }

    private static HashSet<string> Types(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return [];
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()!).ToHashSet()
            : [type.GetString()!];
    }
}
