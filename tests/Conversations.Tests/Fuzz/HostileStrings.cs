using System.Globalization;
using System.Text;

namespace Conversations.Tests.Fuzz;

/// <summary>The corpus in <c>hostile-strings.txt</c> (escapes decoded) plus the empty string and strings of boundary and huge sizes.</summary>
public static class HostileStrings
{
    /// <summary>Sizes around the limits of ids (63, 100, 200, 256), table keys (1 KiB), texts (4,000) and far past them.</summary>
    private static readonly int[] Sizes = [1, 2, 32, 33, 63, 64, 100, 101, 200, 201, 256, 257, 1023, 1024, 1025, 4000, 4001, 10_001, 40_000, 100_000];

    public static IReadOnlyList<string> All { get; } = Load();

    private static List<string> Load()
    {
        using var stream = typeof(HostileStrings).Assembly.GetManifestResourceStream("Conversations.Tests.Fuzz.hostile-strings.txt")
            ?? throw new InvalidOperationException("The embedded hostile-strings.txt is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var strings = new List<string> { "" };
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                strings.Add(Decode(line));
            }
        }

        foreach (var size in Sizes)
        {
            strings.Add(new string('a', size));
        }

        strings.Add(string.Concat(Enumerable.Repeat("é", 40_000)));
        strings.Add(string.Concat(Enumerable.Repeat("😀", 20_000)));
        strings.Add(string.Concat(Enumerable.Repeat("\u202E<b>", 5_000)));
        strings.Add(string.Concat(Enumerable.Repeat("a\r\n", 10_000)));
        return strings;
    }

    /// <summary>Decodes \n \r \t \0 \\ and \uXXXX; any other backslash stays as it is.</summary>
    public static string Decode(string line)
    {
        var text = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != '\\' || i + 1 >= line.Length)
            {
                text.Append(line[i]);
                continue;
            }

            var next = line[i + 1];
            switch (next)
            {
                case 'n': text.Append('\n'); i++; break;
                case 'r': text.Append('\r'); i++; break;
                case 't': text.Append('\t'); i++; break;
                case '0': text.Append('\0'); i++; break;
                case '\\': text.Append('\\'); i++; break;
                case 'u' when i + 5 < line.Length && int.TryParse(line.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    text.Append((char)code);
                    i += 5;
                    break;
                default: text.Append('\\'); break;
            }
        }

        return text.ToString();
    }
}
