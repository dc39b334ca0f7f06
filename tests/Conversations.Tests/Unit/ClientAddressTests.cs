using System.Net;
using Conversations.Web.Visitors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Conversations.Tests.Unit;

/// <summary>CHAT-4, BIN-3: the address a ban or a per-address limit applies to cannot be chosen by the visitor.</summary>
public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("6.6.6.6, 203.0.113.7", "203.0.113.7")]
    [InlineData("6.6.6.6,203.0.113.7", "203.0.113.7")]
    public void CHAT4_behind_a_trusted_proxy_the_address_is_the_one_the_proxy_saw(string forwardedFor, string expected)
    {
        var http = Request(forwardedFor);

        Assert.Equal(IPAddress.Parse(expected), Address(trustForwardedFor: true).Of(http));
    }

    [Fact]
    public void CHAT4_without_a_trusted_proxy_the_header_is_ignored()
    {
        var http = Request("6.6.6.6");

        Assert.Equal(IPAddress.Parse("198.51.100.1"), Address(trustForwardedFor: false).Of(http));
    }

    private static ClientAddress Address(bool trustForwardedFor) =>
        new(Options.Create(new VisitorSettings { TrustForwardedFor = trustForwardedFor }));

    private static DefaultHttpContext Request(string forwardedFor)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.1");
        http.Request.Headers["X-Forwarded-For"] = forwardedFor;
        return http;
    }
}
