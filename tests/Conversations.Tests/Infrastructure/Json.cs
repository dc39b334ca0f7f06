using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conversations.Tests.Infrastructure;

/// <summary>The API's JSON: web defaults with enums as strings.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
