using System.Net.Http.Json;
using Conversations.Grains.Email;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Interfaces.Visitors;
using Conversations.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

/// <summary>Issue 19: a ticket opened by email shows its requester's profile, editable, and their other tickets (VIS-1, VIS-5).</summary>
public sealed class EmailRequesterBrowserTests(EmailWebCluster fixture, BrowserFixture browsers) : IClassFixture<EmailWebCluster>, IClassFixture<BrowserFixture>
{
    [Fact, Trait("Spec", "VIS-1"), Trait("Spec", "VIS-5"), Trait("Spec", "TIC-1")]
    public async Task VIS1_VIS5_an_email_ticket_shows_its_requesters_details_editable_and_their_other_ticket_in_history()
    {
        var property = await fixture.Email.NewPropertyAsync(withSupportAddress: true);
        var support = EmailCluster.SupportAddress(property);
        var earlier = MailSender.Message("Gus Gray <gus@example.com>", support, "Lost my parcel", "It never came.");
        var later = MailSender.Message("Gus Gray <GUS@Example.com>", support, "Wrong size delivered", "The shoes are too small.");
        await MailSender.SendAsync(fixture.Email.InboundPort, earlier);
        await MailSender.SendAsync(fixture.Email.InboundPort, later);
        var earlierId = InboundMail.NewTicketId(property, earlier.MessageId!);
        await fixture.Email.Client.GetGrain<ITicketGrain>(earlierId).SetStatusAsync(property, TicketStatus.Closed);

        using var agent = await SignedInAgent.CreateAsync(fixture.Email.Client, fixture.Web, property);
        await using var context = await browsers.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        await ConsolePage.SignInAsync(page, fixture.Web.BaseAddress, agent);
        await ConsolePage.Row(page, "Wrong size delivered").ClickAsync();

        // VIS-1: the requester's profile, edited in place as for a chat visitor (no read-only fallback).
        await page.GetByRole(AriaRole.Tab, new() { Name = "Details" }).ClickAsync();
        var about = page.GetByRole(AriaRole.Form, new() { Name = "About" });
        await Assertions.Expect(about.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Gus Gray");
        await Assertions.Expect(about.GetByLabel("Email", new() { Exact = true })).ToHaveValueAsync("gus@example.com");
        await Assertions.Expect(page.GetByTestId("requester-details")).ToHaveCountAsync(0);
        await about.GetByLabel("Job title").FillAsync("Buyer");
        await about.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(about.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeEnabledAsync();
        var visitorId = (await fixture.Email.Client.GetGrain<ITicketGrain>(InboundMail.NewTicketId(property, later.MessageId!)).GetAsync(property)).Requester.VisitorId!;
        var profile = (await agent.Http.GetFromJsonAsync<VisitorProfile>($"/api/v1/properties/{property}/visitors/{visitorId}", Json.Options))!;
        Assert.Equal("Buyer", profile.About.JobTitle);
        await BrowserFixture.ScreenshotAsync(page, "email-requester-details");

        // VIS-5: the requester's other ticket is in History and opens in full.
        await page.GetByRole(AriaRole.Tab, new() { Name = "History", Exact = true }).ClickAsync();
        var history = page.GetByTestId("history");
        await Assertions.Expect(history.GetByRole(AriaRole.Button)).ToHaveCountAsync(2);
        await Assertions.Expect(history.GetByRole(AriaRole.Button, new() { Name = "Ticket · Open" })).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "email-requester-history");
        await history.GetByRole(AriaRole.Button, new() { Name = "Ticket · Closed" }).ClickAsync();
        await Assertions.Expect(page.Locator("#detail h2")).ToHaveTextAsync("Lost my parcel");
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("It never came.");
    }
}
