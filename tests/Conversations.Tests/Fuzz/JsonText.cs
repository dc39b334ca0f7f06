using System.Globalization;
using System.Text;

namespace Conversations.Tests.Fuzz;

/// <summary>
/// JSON written by hand, so every string goes out exactly as generated: System.Text.Json would replace a lone
/// surrogate with U+FFFD, here it becomes the escape \uD800 that a hostile client can send.
/// </summary>
public static class JsonText
{
    public const string Null = "null";

    public static string Quote(string value)
    {
        var json = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7E)
                    {
                        json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.Append(c);
                    }

                    break;
            }
        }

        return json.Append('"').ToString();
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Object(IEnumerable<(string Name, string Json)> properties) =>
        "{" + string.Join(",", properties.Select(p => Quote(p.Name) + ":" + p.Json)) + "}";

    public static string Array(IEnumerable<string> items) => "[" + string.Join(",", items) + "]";
}
