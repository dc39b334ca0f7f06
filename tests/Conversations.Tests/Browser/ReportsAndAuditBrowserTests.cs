using System.Net.Http.Json;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

/// <summary>The Reports (RPT-1) and Audit log (AUD-1) screens of the console, for admins.</summary>
[Collection(WebCollection.Name)]
public sealed class ReportsAndAuditBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact, Trait("Spec", "RPT-1")]
    public async Task RPT1_an_admin_sees_figures_charts_the_agent_table_and_downloads_the_csv_and_axe_passes_at_three_sizes()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        var chatId = Guid.NewGuid();
        var chat = fixture.Cluster.Client.GetGrain<IChatGrain>(chatId);
        await chat.StartAsync(new StartChat(admin.PropertyId, "v1", "Rhea"));
        await chat.PostMessageAsync(new PostMessage(admin.PropertyId, "m1", AuthorKind.Visitor, "v1", "Rhea", "Hello"));
        (await admin.Http.PostAsJsonAsync($"/api/v1/properties/{admin.PropertyId}/chats/{chatId}/messages", new { commandId = "r1", text = "Hi Rhea" })).EnsureSuccessStatusCode();

        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, admin);
        await using var _ = context;
        await page.GetByRole(AriaRole.Button, new() { Name = "Reports" }).ClickAsync();
        var chats = page.Locator("[data-figure='Chats'] dd");
        await Assertions.Expect(chats).ToBeVisibleAsync();
        for (var attempt = 0; attempt < 50 && await chats.InnerTextAsync() != "1"; attempt++)
        {
            // The follower takes the changes in after they are acknowledged: open the screen again until they are counted.
            await page.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Reports" }).ClickAsync();
            await Assertions.Expect(chats).ToBeVisibleAsync();
            await Task.Delay(200);
        }

        await Assertions.Expect(chats).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "New conversations per day" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "By agent" })).ToContainTextAsync("Agent");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("day,chats,tickets,missed,resolved", csv);
        Assert.Contains("\ntotal,1,0,0,0,", csv);
        await BrowserFixture.ScreenshotAsync(page, "reports");
        await Screens.CheckAsync(page, "screen-reports");
    }

    [Fact, Trait("Spec", "RPT-1"), Trait("Spec", "SLA-1")]
    public async Task RPT1_SLA1_an_admin_sees_sla_attainment_per_target_per_agent_and_per_day()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        (await admin.Http.PutAsJsonAsync($"/api/v1/properties/{admin.PropertyId}/sla", new
        {
            enabled = true,
            breachingSoonMinutes = 30,
            hours = new { timeZone = "UTC", week = Array.Empty<object>(), holidays = Array.Empty<string>() },
            policies = new[] { new { priority = "Medium", firstResponseMinutes = 60, resolutionMinutes = 120 } },
        })).EnsureSuccessStatusCode();
        var chatId = Guid.NewGuid();
        var chat = fixture.Cluster.Client.GetGrain<IChatGrain>(chatId);
        await chat.StartAsync(new StartChat(admin.PropertyId, "v1", "Sia"));
        await chat.PostMessageAsync(new PostMessage(admin.PropertyId, "m1", AuthorKind.Visitor, "v1", "Sia", "Hello"));
        var path = $"/api/v1/properties/{admin.PropertyId}/chats/{chatId}";
        (await admin.Http.PostAsJsonAsync(path + "/messages", new { commandId = "r1", text = "Hi Sia" })).EnsureSuccessStatusCode();
        (await admin.Http.PostAsync(path + "/close", null)).EnsureSuccessStatusCode();

        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, admin);
        await using var _ = context;
        await page.GetByRole(AriaRole.Button, new() { Name = "Reports" }).ClickAsync();
        var attained = page.Locator("[data-figure='SLA attained'] dd");
        await Assertions.Expect(attained).ToBeVisibleAsync();
        for (var attempt = 0; attempt < 50 && await attained.InnerTextAsync() != "100 %"; attempt++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Reports" }).ClickAsync();
            await Assertions.Expect(attained).ToBeVisibleAsync();
            await Task.Delay(200);
        }

        await Assertions.Expect(attained).ToHaveTextAsync("100 %");
        await Assertions.Expect(page.Locator("[data-figure='SLA targets met / breached'] dd")).ToHaveTextAsync("2 / 0");
        await Assertions.Expect(page.Locator("[data-figure='First response SLA'] dd")).ToHaveTextAsync("100 %");
        await Assertions.Expect(page.Locator("[data-figure='Resolution SLA'] dd")).ToHaveTextAsync("100 %");
        await Assertions.Expect(page.Locator("[data-figure='Next response SLA'] dd")).ToHaveTextAsync("—");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "SLA attainment per day" })).ToBeVisibleAsync();
        var byAgent = page.GetByRole(AriaRole.Region, new() { Name = "By agent" });
        await Assertions.Expect(byAgent.GetByRole(AriaRole.Columnheader, new() { Name = "SLA attained" })).ToBeVisibleAsync();
        await Assertions.Expect(byAgent.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("100 %");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.EndsWith(",1,2,0,1,,1", csv.TrimEnd('\n'));
        await BrowserFixture.ScreenshotAsync(page, "reports-sla");
    }

    [Fact, Trait("Spec", "AUD-1")]
    public async Task AUD1_an_admin_filters_the_audit_log_by_action_and_axe_passes_at_three_sizes()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        var p = $"/api/v1/properties/{admin.PropertyId}";
        (await admin.Http.PostAsJsonAsync($"{p}/departments", new { name = "Returns" })).EnsureSuccessStatusCode();
        (await admin.Http.PutAsJsonAsync($"{p}/name", new { name = "Renamed shop" })).EnsureSuccessStatusCode();

        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, admin);
        await using var _ = context;
        await page.GetByRole(AriaRole.Button, new() { Name = "Audit log" }).ClickAsync();
        var table = page.GetByTestId("audit-table");
        await Assertions.Expect(table).ToContainTextAsync("department.created");
        await Assertions.Expect(table).ToContainTextAsync("property.renamed");
        await page.GetByLabel("Action").SelectOptionAsync("department.created");
        await Assertions.Expect(table).Not.ToContainTextAsync("property.renamed");
        await Assertions.Expect(table).ToContainTextAsync("Returns");
        await BrowserFixture.ScreenshotAsync(page, "audit-log");
        await Screens.CheckAsync(page, "screen-audit-log");
    }
}
