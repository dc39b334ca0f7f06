using System.Text.RegularExpressions;
using Conversations.Grains.Interfaces.Visitors;

namespace Conversations.Web.Visitors;

/// <summary>OS, browser and device kind of the major browsers from a User-Agent header; anything else is "Other".</summary>
public static partial class UserAgentParser
{
    public const int MaxLength = 1000;

    private static readonly (Regex Pattern, string Name)[] Browsers =
    [
        (new(@"Edg(?:e|A|iOS)?/(\d+)"), "Edge"),
        (new(@"OPR/(\d+)"), "Opera"),
        (new(@"SamsungBrowser/(\d+)"), "Samsung Internet"),
        (new(@"(?:Firefox|FxiOS)/(\d+)"), "Firefox"),
        (new(@"(?:Chrome|CriOS)/(\d+)"), "Chrome"),
        (new(@"Version/(\d+)[.\d]* (?:Mobile/\S+ )?Safari/"), "Safari"),
    ];

    private static readonly (Regex Pattern, string Name)[] Systems =
    [
        (new(@"Windows NT"), "Windows"),
        (new(@"iPhone|iPad|iPod"), "iOS"),
        (new(@"Android"), "Android"),
        (new(@"CrOS"), "ChromeOS"),
        (new(@"Mac OS X|Macintosh"), "macOS"),
        (new(@"Linux"), "Linux"),
    ];

    public static VisitorDevice? Parse(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return null;
        }

        var ua = userAgent.Length > MaxLength ? userAgent[..MaxLength] : userAgent;
        var os = Systems.FirstOrDefault(s => s.Pattern.IsMatch(ua)).Name ?? "Other";
        var browser = "Other";
        foreach (var (pattern, name) in Browsers)
        {
            if (pattern.Match(ua) is { Success: true } match)
            {
                browser = $"{name} {match.Groups[1].Value}";
                break;
            }
        }

        return new VisitorDevice(os, browser, KindOf(ua));
    }

    private static string KindOf(string ua) => ua switch
    {
        _ when BotPattern().IsMatch(ua) => "Bot",
        _ when ua.Contains("iPad", StringComparison.Ordinal) || ua.Contains("Tablet", StringComparison.Ordinal)
            || (ua.Contains("Android", StringComparison.Ordinal) && !ua.Contains("Mobile", StringComparison.Ordinal)) => "Tablet",
        _ when ua.Contains("Mobi", StringComparison.Ordinal) || ua.Contains("iPhone", StringComparison.Ordinal) => "Mobile",
        _ => "Desktop",
    };

    [GeneratedRegex("bot|crawler|spider|HeadlessChrome", RegexOptions.IgnoreCase)]
    private static partial Regex BotPattern();
}
