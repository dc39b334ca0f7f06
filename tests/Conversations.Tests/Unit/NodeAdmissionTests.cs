using Conversations.Grains.Interfaces.Common;
using Conversations.Web.Admission;
using Microsoft.Extensions.Options;

namespace Conversations.Tests.Unit;

/// <summary>OPS-3: a web node past its bound refuses at once (retriable) instead of queueing, and takes calls again as they end.</summary>
public sealed class NodeAdmissionTests
{
    [Fact]
    public void OPS3_a_call_past_the_bound_is_refused_as_unavailable_and_admitted_once_one_ends()
    {
        using var admission = new NodeAdmission(Options.Create(new AdmissionSettings { MaxCallsInFlight = 2 }));
        var first = admission.Enter();
        using var second = admission.Enter();

        var refused = Assert.Throws<UnavailableException>(() => admission.Enter());
        Assert.Equal(NodeAdmission.RefusalMessage, refused.Message);

        first.Dispose();
        using var third = admission.Enter();
        Assert.True(third.IsAcquired);
    }
}
