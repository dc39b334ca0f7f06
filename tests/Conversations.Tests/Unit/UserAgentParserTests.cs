using Conversations.Grains.Interfaces.Visitors;
using Conversations.Web.Visitors;

namespace Conversations.Tests.Unit;

public sealed class UserAgentParserTests
{
    [Theory, Trait("Spec", "VIS-3")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Windows", "Chrome 131", "Desktop")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86", "Windows", "Edge 131", "Desktop")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "macOS", "Safari 18", "Desktop")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "iOS", "Safari 18", "Mobile")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Android", "Chrome 131", "Mobile")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Linux", "Firefox 133", "Desktop")]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "Other", "Other", "Bot")]
    public void VIS3_the_device_is_read_from_the_user_agent(string userAgent, string os, string browser, string kind) =>
        Assert.Equal(new VisitorDevice(os, browser, kind), UserAgentParser.Parse(userAgent));

    [Fact, Trait("Spec", "VIS-3")]
    public void VIS3_no_user_agent_means_an_unknown_device() => Assert.Null(UserAgentParser.Parse(" "));
}
