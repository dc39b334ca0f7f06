using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Departments;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Grains.Interfaces.Visitors;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Cluster;

/// <summary>
/// a change whose state write fails is not acknowledged, and is not served either: every grain kind drops
/// the activation on a failed write (GrainPersistence), so reads answer what storage holds, or nothing while it is out.
/// </summary>
public sealed class FailedWriteTests(OutageCluster outage) : IClassFixture<OutageCluster>
{
    private IClusterClient Client => outage.Client;

    [Theory, Trait("Spec", "X-1")]
    [InlineData("agent")]
    [InlineData("property")]
    [InlineData("visitor")]
    [InlineData("department")]
    public async Task X1_after_a_failed_state_write_the_grain_never_serves_the_unsaved_change(string kind)
    {
        var (change, read) = await StoredAsync(kind);
        Assert.Equal("before", await read());

        string? servedDuringOutage = null;
        await outage.WithStorageStoppedAsync(async () =>
        {
            await Assert.ThrowsAnyAsync<Exception>(change);
            try
            {
                servedDuringOutage = await read();
            }
            catch (Exception)
            {
                // Not answering while storage is out is right: the grain cannot read what is stored.
            }
        });

        Assert.NotEqual("after", servedDuringOutage);
        Assert.Equal("before", await OutageCluster.ReadAgainAsync(read));
    }

    /// <summary>A stored grain of <paramref name="kind"/> whose value reads "before", and a change that makes it "after".</summary>
    private async Task<(Func<Task> Change, Func<Task<string>> Read)> StoredAsync(string kind)
    {
        var property = "fw-" + Guid.NewGuid().ToString("N")[..12];
        switch (kind)
        {
            case "agent":
                var agent = Client.GetGrain<IAgentGrain>(Guid.NewGuid());
                await agent.CreateAsync($"a-{Guid.NewGuid():N}@example.com", "Ann");
                return (() => agent.SetMembershipAsync(property, PropertyRole.Admin),
                    async () => await agent.GetRoleAsync(property) == PropertyRole.Admin ? "after" : "before");
            case "property":
                var created = Client.GetGrain<IPropertyGrain>(property);
                await created.CreateAsync("before", null);
                return (() => created.RenameAsync("after"), async () => (await created.GetAsync()).Name);
            case "visitor":
                var visitor = Client.GetGrain<IVisitorGrain>(VisitorKey.For(property, "v-1"));
                await visitor.RecordVisitAsync(new VisitorVisit("198.51.100.7", null, null));
                await visitor.UpdateAboutAsync(new UpdateVisitorAbout("before", null, null, null, null, null));
                return (() => visitor.UpdateAboutAsync(new UpdateVisitorAbout("after", null, null, null, null, null)),
                    async () => (await visitor.GetAsync()).About.Name ?? "");
            case "department":
                await Client.GetGrain<IPropertyGrain>(property).CreateAsync("Shop", null);
                var department = Client.GetGrain<IDepartmentGrain>(Guid.NewGuid());
                await department.CreateAsync(property, "before");
                return (() => department.RenameAsync(property, "after"), async () => (await department.GetAsync(property)).Name);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }
}
