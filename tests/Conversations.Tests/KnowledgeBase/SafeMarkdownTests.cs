using System.Text.RegularExpressions;
using Conversations.Grains.KnowledgeBase;

namespace Conversations.Tests.KnowledgeBase;

[Trait("Spec", "KB-1")]
public sealed partial class SafeMarkdownTests
{
    /// <summary>Each input tries to get script, an event handler or a dangerous URL into the page.</summary>
    public static TheoryData<string> XssCorpus() =>
    [
        "<script>alert(1)</script>",
        "hello <script>alert(1)</script> world",
        "<img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](jav&#x61;script:alert(1))",
        "[click](javascript&colon;alert(1))",
        "[click]( javascript:alert(1) )",
        "[click](<javascript:alert(1)>)",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](vbscript:msgbox(1))",
        "[click](file:///etc/passwd)",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "![x](javascript:alert(1))",
        "![x](https://example.com/a.png\"onerror=\"alert(1))",
        "[x](https://example.com \"title\\\" onmouseover=alert(1) x=\\\"\")",
        "<div onclick=\"alert(1)\">text</div>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "`<script>alert(1)</script>`",
        "```\n<script>alert(1)</script>\n```",
        "<!-- comment --><script>alert(1)</script>",
        "<<script>script>alert(1)<</script>/script>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
    ];

    [Theory]
    [MemberData(nameof(XssCorpus))]
    public void KB1_markdown_never_lets_html_or_script_urls_through(string markdown) => AssertSafe(SafeMarkdown.ToHtml(markdown));

    [Theory]
    [InlineData("<p><script>alert(1)</script></p>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"https://ok\" onclick=\"alert(1)\">x</a>")]
    [InlineData("<img src=\"x\">")]
    [InlineData("<p>a < b</p>")]
    public void KB1_the_safety_check_itself_rejects_unsafe_html(string html) =>
        Assert.ThrowsAny<Exception>(() => AssertSafe(html));

    private static void AssertSafe(string html)
    {
        // Every '<' in the output starts an allowed tag whose attributes are all allowed and quoted;
        // text that looks like markup is escaped, so it cannot open a tag.
        foreach (Match tag in Regex.Matches(html, "<"))
        {
            var rest = html[tag.Index..];
            var parsed = TagPattern().Match(rest);
            Assert.True(parsed.Success, $"Unexpected markup at: {rest[..Math.Min(40, rest.Length)]}");
            Assert.Contains(parsed.Groups["name"].Value, AllowedTags);
            foreach (Capture attribute in parsed.Groups["attr"].Captures)
            {
                Assert.Contains(attribute.Value, AllowedAttributes);
            }

            foreach (Capture url in parsed.Groups["href"].Captures)
            {
                Assert.Matches("^(https?:|mailto:)", url.Value);
            }
        }
    }

    private static readonly string[] AllowedTags =
        ["p", "a", "code", "pre", "em", "strong", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "br", "hr"];

    private static readonly string[] AllowedAttributes = ["href", "rel", "title", "class", "start"];

    [GeneratedRegex("^</?(?<name>[a-z0-9]+)(?:\\s+(?<attr>[a-z]+)=\"(?:(?<=href=\")(?<href>[^\"]*)|[^\"<>]*)\")*\\s*/?>")]
    private static partial Regex TagPattern();

    [Theory]
    [InlineData("# Title", "<h1>Title</h1>")]
    [InlineData("Some *emphasis* and **strong**", "<p>Some <em>emphasis</em> and <strong>strong</strong></p>")]
    [InlineData("- one\n- two", "<li>one</li>")]
    [InlineData("Run `npm ci`", "<code>npm ci</code>")]
    [InlineData("[docs](https://example.com/a?b=1&c=2)", "<a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"nofollow noopener noreferrer\">docs</a>")]
    [InlineData("[mail us](mailto:help@example.com)", "href=\"mailto:help@example.com\"")]
    [InlineData("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;")]
    [InlineData("[click](javascript:alert(1))", "<p>click</p>")]
    [InlineData("![logo](https://example.com/logo.png)", "<a href=\"https://example.com/logo.png\" rel=\"nofollow noopener noreferrer\">logo</a>")]
    public void KB1_the_documented_subset_renders(string markdown, string expected) =>
        Assert.Contains(expected, SafeMarkdown.ToHtml(markdown));

    [Fact]
    public void KB1_plain_text_for_the_index_drops_the_markup() =>
        Assert.Equal("Reset your password in settings.", SafeMarkdown.ToPlainText("**Reset** your [password](https://x.example) in `settings`."));
}
