using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.Tests.Web;

/// <summary>RTE-1 and SLA-1 through the REST API and the hubs: settings (admins only, bad input 422), loads, the visitor's live queue place, due times.</summary>
[Collection(WebCollection.Name)]
public sealed class RoutingApiTests(WebFixture fixture)
{
    [Fact, Trait("Spec", "RTE-1")]
    public async Task RTE1_admins_set_routing_and_capacities_agents_read_them_and_bad_values_answer_422()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        using var agent = await SignedInAgent.CreateAsync(fixture, admin.PropertyId, PropertyRole.Agent);
        var path = $"/api/v1/properties/{admin.PropertyId}/routing";

        var off = await agent.Http.GetFromJsonAsync<JsonElement>(path);
        Assert.False(off.GetProperty("settings").GetProperty("enabled").GetBoolean());
        Assert.Equal(2, off.GetProperty("agents").GetArrayLength());

        var body = new { enabled = true, defaultChatCapacity = 2, defaultTicketCapacity = 4, reassignAfterSeconds = 120, manualDepartments = Array.Empty<Guid>() };
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.PutAsJsonAsync(path, body)).StatusCode);
        var on = await (await admin.Http.PutAsJsonAsync(path, body)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(on.GetProperty("settings").GetProperty("enabled").GetBoolean());
        Assert.Equal(120, on.GetProperty("settings").GetProperty("reassignAfterSeconds").GetInt32());

        var own = await (await admin.Http.PutAsJsonAsync($"{path}/agents/{agent.AgentId}", new { chats = 5, tickets = 0 })).Content.ReadFromJsonAsync<JsonElement>();
        var load = own.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("agentId").GetGuid() == agent.AgentId);
        Assert.Equal((5, 0), (load.GetProperty("chatCapacity").GetInt32(), load.GetProperty("ticketCapacity").GetInt32()));

        foreach (var bad in new object[]
        {
            body with { defaultChatCapacity = -1 },
            body with { defaultTicketCapacity = 101 },
            body with { reassignAfterSeconds = 5 },
            body with { manualDepartments = new[] { Guid.NewGuid() } },
        })
        {
            var refused = await admin.Http.PutAsJsonAsync(path, bad);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()));
        }

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.Http.PutAsJsonAsync($"{path}/agents/{Guid.NewGuid()}", new { chats = 1, tickets = 1 })).StatusCode);
    }

    [Fact, Trait("Spec", "RTE-1")]
    public async Task RTE1_a_waiting_visitor_sees_their_place_move_live_in_the_widget_hub()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        var path = $"/api/v1/properties/{admin.PropertyId}/routing";
        await using var console = await admin.ConnectHubAsync(AgentHub.Path);
        (await admin.Http.PutAsJsonAsync(path, new { enabled = true, defaultChatCapacity = 1, defaultTicketCapacity = 1, reassignAfterSeconds = 0, manualDepartments = Array.Empty<Guid>() }))
            .EnsureSuccessStatusCode();

        await using var first = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, admin.PropertyId);
        await using var second = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, admin.PropertyId);
        await using var third = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, admin.PropertyId);
        var places = new List<int>();
        var moved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (firstChat, secondChat, thirdChat) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        third.Hub.On<Guid, int>(RealtimeDelivery.QueuePlaceMethod, (chat, place) =>
        {
            lock (places)
            {
                places.Add(place);
            }

            if (chat == thirdChat && place == 1)
            {
                moved.TrySetResult();
            }
        });

        foreach (var (visitor, chat) in new[] { (first, firstChat), (second, secondChat), (third, thirdChat) })
        {
            await visitor.StartChatAsync(chat, "Waiting");
            await visitor.SendAsync(chat, "hi-" + chat.ToString("N"), "Anyone there?");
        }

        await EventuallyAsync(() => third.Hub.InvokeAsync<int>("GetQueuePlace", admin.PropertyId, third.Session.VisitorToken, thirdChat), 2);
        Assert.Equal(1, await second.Hub.InvokeAsync<int>("GetQueuePlace", admin.PropertyId, second.Session.VisitorToken, secondChat));
        Assert.Equal(0, await first.Hub.InvokeAsync<int>("GetQueuePlace", admin.PropertyId, first.Session.VisitorToken, firstChat));
        var stranger = await Assert.ThrowsAsync<HubException>(() => first.Hub.InvokeAsync<int>("GetQueuePlace", admin.PropertyId, first.Session.VisitorToken, thirdChat));
        Assert.Contains("NotFound", stranger.Message);

        // The admin's chat closes: the second visitor gets the admin, the third moves up to first in line.
        (await admin.Http.PostAsync($"/api/v1/properties/{admin.PropertyId}/chats/{firstChat}/close", null)).EnsureSuccessStatusCode();
        await moved.Task.WaitAsync(TimeSpan.FromSeconds(15));
        lock (places)
        {
            Assert.Equal([2, 1], places.Where(p => p > 0).Distinct().ToList());
        }
    }

    [Fact, Trait("Spec", "SLA-1")]
    public async Task SLA1_admins_set_policies_and_hours_and_a_conversation_shows_its_due_time()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        using var agent = await SignedInAgent.CreateAsync(fixture, admin.PropertyId, PropertyRole.Agent);
        var path = $"/api/v1/properties/{admin.PropertyId}/sla";
        var body = new
        {
            enabled = true,
            breachingSoonMinutes = 30,
            hours = new { timeZone = "UTC", week = Array.Empty<object>(), holidays = Array.Empty<string>() },
            policies = new[] { new { priority = "Medium", firstResponseMinutes = (int?)15, nextResponseMinutes = (int?)null, resolutionMinutes = (int?)600 } },
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.PutAsJsonAsync(path, body)).StatusCode);
        (await admin.Http.PutAsJsonAsync(path, body)).EnsureSuccessStatusCode();
        var saved = await agent.Http.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal(15, saved.GetProperty("policies")[0].GetProperty("firstResponseMinutes").GetInt32());

        var unknownZone = await admin.Http.PutAsJsonAsync(path, body with { hours = new { timeZone = "Nowhere/Special", week = Array.Empty<object>(), holidays = Array.Empty<string>() } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownZone.StatusCode);
        Assert.Contains("time zone", (await unknownZone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var badHours = await admin.Http.PutAsJsonAsync(path, body with
        {
            hours = new { timeZone = "Europe/Berlin", week = new object[] { new { day = "Monday", opensAtMinute = 600, closesAtMinute = 500 } }, holidays = Array.Empty<string>() },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badHours.StatusCode);

        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, admin.PropertyId);
        var chat = Guid.NewGuid();
        await visitor.StartChatAsync(chat, "Due");
        var ack = await visitor.SendAsync(chat, "due-1", "Hello");
        var status = await EventuallyAsync(async () =>
        {
            var response = await agent.Http.GetAsync($"{path}/conversations/{chat}");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        }, s => s.ValueKind == JsonValueKind.Object);
        Assert.Equal("FirstResponse", status.GetProperty("target").GetString());
        Assert.Equal(ack.At.AddMinutes(15), status.GetProperty("dueAt").GetDateTimeOffset());
        var soon = await agent.Http.GetFromJsonAsync<JsonElement>($"{path}/conversations?filter=BreachingSoon");
        Assert.Contains(soon.EnumerateArray(), s => s.GetProperty("conversationId").GetGuid() == chat);
        Assert.Empty((await agent.Http.GetFromJsonAsync<JsonElement>($"{path}/conversations?filter=Breached")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync($"{path}/conversations/{Guid.NewGuid()}")).StatusCode);

        // The inbox: the row carries its due time, and the SLA filters list it (or not).
        var inbox = $"/api/v1/properties/{admin.PropertyId}/inbox";
        var row = (await agent.Http.GetFromJsonAsync<JsonElement>(inbox)).GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == chat);
        Assert.Equal(ack.At.AddMinutes(15), row.GetProperty("dueAt").GetDateTimeOffset());
        var breachingSoon = (await agent.Http.GetFromJsonAsync<JsonElement>($"{inbox}?sla=breachingSoon")).GetProperty("rows");
        Assert.Equal(chat, Assert.Single(breachingSoon.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Empty((await agent.Http.GetFromJsonAsync<JsonElement>($"{inbox}?sla=breached")).GetProperty("rows").EnumerateArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await agent.Http.GetAsync($"{inbox}?sla=late")).StatusCode);
    }

    private static Task<T> EventuallyAsync<T>(Func<Task<T>> probe, T expected) => EventuallyAsync(probe, v => Equals(v, expected));

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out; last seen {value}.");
            await Task.Delay(100);
        }
    }
}
