using Conversations.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

/// <summary>
/// Screens at the three sizes agents use (issue 19): a screenshot of each in test-artifacts/screenshots, and axe-core
/// (injected from the client's node_modules) run on each, which must find no serious or critical violation.
/// </summary>
public static class Screens
{
    public static readonly (int Width, int Height)[] Sizes = [(1024, 768), (1440, 900), (1920, 1080)];

    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var path = Path.Combine(RepositoryPaths.Root, "Web", "ClientApp", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path) ? File.ReadAllText(path) : throw new InvalidOperationException($"{path} is missing: run npm ci in Web/ClientApp.");
    });

    private const string RunAxe = """
        async () => {
          const result = await axe.run(document, { resultTypes: ["violations"] });
          return result.violations
            .filter(v => v.impact === "serious" || v.impact === "critical")
            .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 4).map(n => n.target.join(" ")).join(" | ")}`);
        }
        """;

    /// <summary>Serious and critical axe violations on the page as it is now (WCAG A/AA and best practices).</summary>
    public static async Task<string[]> AxeViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Content = AxeSource.Value });
        }

        return await page.EvaluateAsync<string[]>(RunAxe);
    }

    /// <summary>At each size: lets the layout settle, saves {name}-{w}x{h}.png, runs the screen's own checks and asserts axe finds nothing serious.</summary>
    public static async Task CheckAsync(IPage page, string name, Func<Task>? atEachSize = null)
    {
        var found = new List<string>();
        foreach (var (width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "screenshots", $"{name}-{width}x{height}.png") });
            if (atEachSize is not null)
            {
                await atEachSize();
            }

            found.AddRange((await AxeViolationsAsync(page)).Select(v => $"{width}×{height}: {v}"));
        }

        Assert.True(found.Count == 0, $"axe found serious or critical violations on {name}:\n{string.Join("\n", found.Distinct())}");
    }

}
