using Conversations.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

/// <summary>
/// Keyboard use (issue 19): tabbing through the console reaches the inbox list, the open conversation and the composer,
/// and every control that takes focus shows it: its pixels change when it gains focus, and its outline or shadow does.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class FocusBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    /// <summary>The focused element: a readable name, its box, and its outline, shadow, border and background.</summary>
    private const string Describe = """
        () => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const s = getComputedStyle(el);
          const r = el.getBoundingClientRect();
          const name = el.getAttribute("aria-label") || el.getAttribute("placeholder") || el.getAttribute("title")
            || (el.innerText || el.value || "").trim().split("\n")[0].slice(0, 40);
          return {
            name: `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.getAttribute("role") ? "[" + el.getAttribute("role") + "]" : ""} "${name}"`,
            inList: !!el.closest("[data-testid=chat-list]"),
            inConversation: !!el.closest(".conversation, .detail, [data-testid=messages]"),
            isComposer: el.tagName === "TEXTAREA",
            x: r.x, y: r.y, width: r.width, height: r.height,
            look: [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, s.backgroundColor].join(" | "),
          };
        }
        """;

    private sealed class Focused
    {
        public string Name { get; set; } = "";
        public bool InList { get; set; }
        public bool InConversation { get; set; }
        public bool IsComposer { get; set; }
        public double X { get; set; }
        public double Y { get; set; }
        public double Width { get; set; }
        public double Height { get; set; }
        public string Look { get; set; } = "";
    }

    [Fact, Trait("Spec", "INB-3"), Trait("Spec", "CHAT-1"), Trait("Spec", "TIC-2")]
    public async Task INB3_CHAT1_TIC2_tabbing_through_the_list_conversation_and_composer_shows_focus_on_every_control()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        var chat = Guid.NewGuid();
        await visitor.StartChatAsync(chat, "Fenna");
        await visitor.SendAsync(chat, "f1", "Is the blue sofa back in stock?");
        await ConsolePage.CreateTicketAsync(agent, "Scratched table top", "noor@example.com", "High");

        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent, 1440, 900);
        await using var _ = context;
        // No blinking caret or running transition may pass for a focus indicator.
        await page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { caret-color: transparent !important; transition: none !important; animation: none !important; }" });
        await ConsolePage.Row(page, "Fenna").ClickAsync();
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("Is the blue sofa back in stock?");

        // Start from the top of the page and walk the whole tab order once.
        await page.Locator(".brand").ClickAsync();
        var seen = new List<Focused>();
        var missing = new List<string>();
        for (var i = 0; i < 150; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<Focused?>(Describe);
            if (focused is null || seen.Any(s => s.Name == focused.Name && s.X == focused.X && s.Y == focused.Y))
            {
                if (seen.Count > 0 && focused is not null)
                {
                    break;
                }

                continue;
            }

            seen.Add(focused);
            if (await VisibleIndicatorMissingAsync(page, focused) is { } why)
            {
                missing.Add($"{focused.Name}: {why}");
            }
        }

        Assert.Contains(seen, f => f.InList);
        Assert.Contains(seen, f => f.InConversation);
        Assert.Contains(seen, f => f.IsComposer);
        Assert.True(missing.Count == 0, $"Controls without a visible focus indicator:\n{string.Join("\n", missing)}");
    }

    /// <summary>Compares the control's surroundings focused and not: some pixels and the outline or shadow must differ.</summary>
    private static async Task<string?> VisibleIndicatorMissingAsync(IPage page, Focused focused)
    {
        var viewport = page.ViewportSize!;
        var x = Math.Max(0, focused.X - 5);
        var y = Math.Max(0, focused.Y - 5);
        var clip = new Clip
        {
            X = (float)x,
            Y = (float)y,
            Width = (float)Math.Max(1, Math.Min(viewport.Width, focused.X + focused.Width + 5) - x),
            Height = (float)Math.Max(1, Math.Min(viewport.Height, focused.Y + focused.Height + 5) - y),
        };
        if (focused.Width < 1 || focused.Height < 1 || focused.Y > viewport.Height || focused.X > viewport.Width)
        {
            return $"focused but not on screen ({focused.X},{focused.Y} {focused.Width}×{focused.Height})";
        }

        var withFocus = await page.ScreenshotAsync(new() { Clip = clip });
        await page.EvaluateAsync("() => { window.__focused = document.activeElement; document.activeElement.blur(); }");
        var unfocusedLook = await page.EvaluateAsync<string>("""
            () => { const s = getComputedStyle(window.__focused);
                    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, s.backgroundColor].join(" | "); }
            """);
        var withoutFocus = await page.ScreenshotAsync(new() { Clip = clip });
        // Focusing it again from script keeps the keyboard modality, so :focus-visible applies as before.
        await page.EvaluateAsync("() => window.__focused.focus({ preventScroll: true })");
        if (unfocusedLook == focused.Look)
        {
            return "outline, shadow, border and background are the same focused and not";
        }

        return withFocus.AsSpan().SequenceEqual(withoutFocus) ? "no pixel changes when it gains focus (clipped?)" : null;
    }
}
