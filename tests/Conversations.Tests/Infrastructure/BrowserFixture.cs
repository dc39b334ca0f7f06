using Microsoft.Playwright;

namespace Conversations.Tests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright; no browser download.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CONVERSATIONS_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium is not installed at {executable}; ./test.sh installs it (apt-get install chromium).");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>Saves a screenshot under test-artifacts/screenshots for people to look at.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(RepositoryPaths.Artifacts, "screenshots", name + ".png"),
            FullPage = true,
        });
}
