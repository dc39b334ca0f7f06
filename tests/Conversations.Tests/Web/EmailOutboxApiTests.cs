using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Email;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Web;

[Collection(WebCollection.Name)]
public sealed class EmailOutboxApiTests(WebFixture fixture)
{
    [Fact, Trait("Spec", "TIC-2")]
    public async Task TIC2_admins_see_the_dead_letters_of_their_property_and_agents_do_not()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        using var agent = await SignedInAgent.CreateAsync(fixture, admin.PropertyId, PropertyRole.Agent);
        var ticketId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var letter = new OutboxEmail($"{ticketId:N}:2:Reply:x@example.com", "m@test", admin.PropertyId, ticketId, EmailKind.Reply,
            "x@example.com", "r@test", "t@test", "Re: Hi", "", "", OutboxEmailStatus.Dead, 3, now, "550 No such user", now);
        await fixture.Cluster.Client.GetGrain<IEmailDeadLettersGrain>(admin.PropertyId).AddAsync(letter);
        await fixture.Cluster.Client.GetGrain<IEmailDeadLettersGrain>(admin.PropertyId).AddAsync(letter);
        var path = $"/api/v1/properties/{admin.PropertyId}/email/outbox";

        var dead = await admin.Http.GetFromJsonAsync<JsonElement>(path + "?state=dead");
        var only = Assert.Single(dead.EnumerateArray());
        Assert.Equal(("x@example.com", "Dead", "550 No such user"),
            (only.GetProperty("to").GetString(), only.GetProperty("status").GetString(), only.GetProperty("lastError").GetString()));

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync(path + "?state=dead")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Http.GetAsync(path + "?state=sent")).StatusCode);
    }
}
