using Orleans.Streams;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Sla;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Web;

/// <summary>RPT-1 over REST: the report follows committed changes into per-day figures, per agent and department, and CSV.</summary>
[Collection(WebCollection.Name)]
public sealed class ReportApiTests(WebFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact, Trait("Spec", "RPT-1")]
    public async Task RPT1_volume_first_response_resolution_missed_chats_and_the_agent_breakdown_follow_committed_changes()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        var answered = await StartChatAsync(admin.PropertyId, "answered");
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsJsonAsync(ChatPath(admin, answered) + "/messages", new { commandId = "r1", text = "Hello!" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsync(ChatPath(admin, answered) + "/close", null)).StatusCode);
        var missed = await StartChatAsync(admin.PropertyId, "missed");
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsync(ChatPath(admin, missed) + "/close", null)).StatusCode);
        await fixture.Cluster.Client.GetGrain<IChatGrain>(Guid.NewGuid()).StartAsync(new StartChat(admin.PropertyId, "silent", "Never wrote"));

        var report = await WaitForAsync(admin, "?breakdown=true", r => r.GetProperty("totals").GetProperty("resolved").GetInt64() == 2);
        var totals = report.GetProperty("totals");
        Assert.Equal(2, totals.GetProperty("chats").GetInt64());
        Assert.Equal(1, totals.GetProperty("missed").GetInt64());
        Assert.True(totals.GetProperty("firstResponseP50").GetDouble() >= 0);
        Assert.True(totals.GetProperty("resolutionP90").GetDouble() >= 0);
        Assert.Equal(JsonValueKind.Null, totals.GetProperty("slaAttainment").ValueKind);
        Assert.Equal(2, report.GetProperty("byHour").EnumerateArray().Sum(h => h.GetInt64()));
        Assert.Equal(30, report.GetProperty("days").GetArrayLength());
        var agent = Assert.Single(report.GetProperty("agents").EnumerateArray());
        Assert.Equal(admin.AgentId.ToString(), agent.GetProperty("id").GetString());
        Assert.Equal(1, agent.GetProperty("figures").GetProperty("chats").GetInt64());

        var mine = await admin.Http.GetFromJsonAsync<JsonElement>($"{Path(admin)}?agentId={admin.AgentId}");
        Assert.Equal(1, mine.GetProperty("totals").GetProperty("chats").GetInt64());
        Assert.Equal(0, mine.GetProperty("totals").GetProperty("missed").GetInt64());

        var csv = await admin.Http.GetAsync(Path(admin) + "/csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.StartsWith("day,chats,tickets,missed,resolved,first_response_p50_s", lines[0]);
        Assert.Equal(32, lines.Length);
        Assert.StartsWith("total,2,0,1,2,", lines[^1]);
    }

    [Fact, Trait("Spec", "RPT-1")]
    public async Task RPT1_a_redelivered_event_counts_once_and_a_version_gap_is_filled_from_the_conversation_not_the_event()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        var chatId = await StartChatAsync(admin.PropertyId, "v");
        await WaitForAsync(admin, "", r => r.GetProperty("totals").GetProperty("chats").GetInt64() == 1);

        var stream = fixture.Cluster.Client.GetStreamProvider(ConversationsNames.StreamProvider).GetStream<ConversationEvent>(StreamTopics.Property(admin.PropertyId));
        var now = DateTimeOffset.UtcNow;
        await stream.OnNextAsync(new ChatStarted(admin.PropertyId, chatId, 1, now, "v", "V"));
        await stream.OnNextAsync(new MessagePosted(admin.PropertyId, chatId, 2, now, new ConversationMessage(1, "x", AuthorKind.Visitor, "v", "V", "again", false, now)));

        // Claims a close the chat never had, after versions the follower never saw: it asks the chat, which is still open.
        await stream.OnNextAsync(new ChatClosed(admin.PropertyId, chatId, 9, now));
        var other = await StartChatAsync(admin.PropertyId, "w");
        var report = await WaitForAsync(admin, "", r => r.GetProperty("totals").GetProperty("chats").GetInt64() == 2);
        Assert.Equal(0, report.GetProperty("totals").GetProperty("resolved").GetInt64());
        Assert.Equal(0, report.GetProperty("totals").GetProperty("missed").GetInt64());
        Assert.NotEqual(chatId, other);
    }

    [Fact, Trait("Spec", "RPT-1"), Trait("Spec", "X-1")]
    public async Task RPT1_reports_are_for_admins_and_bad_periods_are_refused_with_422()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        using var agent = await SignedInAgent.CreateAsync(fixture, admin.PropertyId, PropertyRole.Agent);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync(Path(admin))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync(Path(admin) + "/csv")).StatusCode);

        foreach (var query in new[] { "?from=2026-13-01", "?from=yesterday", "?from=2026-03-10&to=2026-03-01", "?from=2024-01-01&to=2026-01-01", $"?agentId=a&departmentId=b", "?agentId=a%23b" })
        {
            var response = await admin.Http.GetAsync(Path(admin) + query);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var year = await admin.Http.GetFromJsonAsync<JsonElement>(Path(admin) + "?from=2025-01-01&to=2025-12-31");
        Assert.Equal(365, year.GetProperty("days").GetArrayLength());
    }

    [Fact, Trait("Spec", "RPT-1"), Trait("Spec", "SLA-1")]
    public async Task RPT1_SLA1_sla_attainment_per_target_agent_and_day_counts_the_sla_outcomes_met_and_breached()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        await SetSlaAsync(admin, firstResponseMinutes: 1, resolutionMinutes: 60);

        // Nobody answers this one within its minute: its first response is breached when the due time passes, while it is open.
        var late = await StartChatAsync(admin.PropertyId, "late");
        await fixture.Cluster.Client.GetGrain<IChatGrain>(late).AssignAsync(new AssignConversation(admin.PropertyId, AssigneeKind.Agent, admin.AgentId.ToString()));
        var answered = await StartChatAsync(admin.PropertyId, "answered");
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsJsonAsync(ChatPath(admin, answered) + "/messages", new { commandId = "r1", text = "Hello!" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsync(ChatPath(admin, answered) + "/close", null)).StatusCode);
        var met = await WaitForAsync(admin, "", r => r.GetProperty("totals").GetProperty("slaMet").GetInt64() == 2);
        Assert.Equal((2, 0), (met.GetProperty("totals").GetProperty("slaMet").GetInt64(), met.GetProperty("totals").GetProperty("slaBreached").GetInt64()));

        var breached = await WaitForAsync(admin, "", r => r.GetProperty("totals").GetProperty("slaBreached").GetInt64() == 1, TimeSpan.FromSeconds(120));
        Assert.Equal(1, breached.GetProperty("totals").GetProperty("slaBreached").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsJsonAsync(ChatPath(admin, late) + "/messages", new { commandId = "r2", text = "Sorry!" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsync(ChatPath(admin, late) + "/close", null)).StatusCode);

        // First responses: one met, one breached (the late reply does not count it again); resolutions: both within the hour.
        var report = await WaitForAsync(admin, "?breakdown=true", r => r.GetProperty("totals").GetProperty("slaMet").GetInt64() == 3);
        var totals = report.GetProperty("totals");
        Assert.Equal((3L, 1L), (totals.GetProperty("slaMet").GetInt64(), totals.GetProperty("slaBreached").GetInt64()));
        Assert.Equal(0.75, totals.GetProperty("slaAttainment").GetDouble());
        Assert.Equal(0.5, totals.GetProperty("firstResponseSlaAttainment").GetDouble());
        Assert.Equal(1.0, totals.GetProperty("resolutionSlaAttainment").GetDouble());
        Assert.Equal(JsonValueKind.Null, totals.GetProperty("nextResponseSlaAttainment").ValueKind);
        var agent = Assert.Single(report.GetProperty("agents").EnumerateArray());
        Assert.Equal(0.75, agent.GetProperty("figures").GetProperty("slaAttainment").GetDouble());
        var today = report.GetProperty("days").EnumerateArray().Last();
        Assert.Equal(0.75, today.GetProperty("figures").GetProperty("slaAttainment").GetDouble());

        var csv = (await admin.Http.GetStringAsync(Path(admin) + "/csv")).TrimEnd('\n').Split('\n');
        Assert.EndsWith(",sla_attainment,sla_met,sla_breached,first_response_sla_attainment,next_response_sla_attainment,resolution_sla_attainment", csv[0]);
        Assert.EndsWith(",0.75,3,1,0.5,,1", csv[^1]);
    }

    [Fact, Trait("Spec", "RPT-1"), Trait("Spec", "SLA-1"), Trait("Spec", "MRG-1")]
    public async Task RPT1_SLA1_a_ticket_merged_into_another_is_not_resolved_by_the_close_that_seals_it()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        await SetSlaAsync(admin, firstResponseMinutes: 60, resolutionMinutes: 60);
        var survivor = await CreateTicketAsync(admin, "Printer broken");
        var duplicate = await CreateTicketAsync(admin, "Printer broken again");
        var tickets = "/api/v1/properties/" + admin.PropertyId + "/tickets/";
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsJsonAsync(tickets + survivor + "/merge", new { mergeId = "m1", sourceIds = new[] { duplicate } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsJsonAsync(tickets + survivor + "/status", new { status = 3 })).StatusCode);

        // The property's changes are followed in order: once the survivor's close is counted, so is the duplicate's sealing close.
        var report = await WaitForAsync(admin, "", r => r.GetProperty("totals").GetProperty("slaMet").GetInt64() >= 1 && r.GetProperty("totals").GetProperty("resolved").GetInt64() >= 1);
        var totals = report.GetProperty("totals");
        Assert.Equal(2, totals.GetProperty("tickets").GetInt64());
        Assert.Equal(1, totals.GetProperty("resolved").GetInt64());
        Assert.Equal((1L, 0L), (totals.GetProperty("slaMet").GetInt64(), totals.GetProperty("slaBreached").GetInt64()));
        Assert.Equal(1.0, totals.GetProperty("resolutionSlaAttainment").GetDouble());
        Assert.Null(await fixture.Cluster.Client.GetGrain<ISlaGrain>(admin.PropertyId).GetAsync(duplicate));
    }

    private static async Task SetSlaAsync(SignedInAgent admin, int firstResponseMinutes, int resolutionMinutes) =>
        (await admin.Http.PutAsJsonAsync($"/api/v1/properties/{admin.PropertyId}/sla", new
        {
            enabled = true,
            breachingSoonMinutes = 30,
            hours = new { timeZone = "UTC", week = Array.Empty<object>(), holidays = Array.Empty<string>() },
            policies = new[] { new { priority = "Medium", firstResponseMinutes, resolutionMinutes } },
        })).EnsureSuccessStatusCode();

    private static async Task<Guid> CreateTicketAsync(SignedInAgent admin, string subject)
    {
        var ticketId = Guid.NewGuid();
        (await admin.Http.PostAsJsonAsync($"/api/v1/properties/{admin.PropertyId}/tickets",
            new { ticketId, subject, requesterEmail = "req@example.com", requesterName = "Req", text = "It is broken" })).EnsureSuccessStatusCode();
        return ticketId;
    }

    private static string Path(SignedInAgent admin) => $"/api/v1/properties/{admin.PropertyId}/reports";

    private static string ChatPath(SignedInAgent admin, Guid chatId) => $"/api/v1/properties/{admin.PropertyId}/chats/{chatId}";

    private async Task<Guid> StartChatAsync(string propertyId, string visitorId)
    {
        var chatId = Guid.NewGuid();
        var chat = fixture.Cluster.Client.GetGrain<IChatGrain>(chatId);
        await chat.StartAsync(new StartChat(propertyId, visitorId, "Visitor " + visitorId));
        await chat.PostMessageAsync(new PostMessage(propertyId, "m1", AuthorKind.Visitor, visitorId, "Visitor", "Hi there"));
        return chatId;
    }

    private static async Task<JsonElement> WaitForAsync(SignedInAgent admin, string query, Func<JsonElement, bool> done, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? Patience);
        while (true)
        {
            var report = await admin.Http.GetFromJsonAsync<JsonElement>(Path(admin) + query);
            if (done(report) || DateTime.UtcNow > deadline)
            {
                return report;
            }

            await Task.Delay(100);
        }
    }
}
