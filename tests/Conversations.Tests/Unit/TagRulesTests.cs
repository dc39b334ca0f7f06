using Conversations.Grains.Conversations;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Tests.Unit;

[Trait("Spec", "CHAT-7"), Trait("Spec", "TIC-8")]
public sealed class TagRulesTests
{
    [Theory]
    [InlineData("  VIP ", "vip")]
    [InlineData("Billing-Issue", "billing-issue")]
    [InlineData("größe", "größe")]
    [InlineData("v1.2 beta_x", "v1.2 beta_x")]
    public void CHAT7_tags_are_trimmed_and_lower_cased(string input, string expected) =>
        Assert.Equal(expected, TagRules.Normalize(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<script>")]
    [InlineData("a\u0000b")]
    [InlineData("\u202Eevil")]
    [InlineData("😀")]
    [InlineData("abcdefghijklmnopqrstuvwxyz1234567")]
    public void CHAT7_bad_tags_are_refused(string? input) =>
        Assert.Equal(DomainErrorCode.Invalid, Assert.Throws<DomainException>(() => TagRules.Normalize(input)).Code);

    [Fact]
    public void CHAT7_a_lone_surrogate_is_refused() =>
        Assert.Throws<DomainException>(() => TagRules.Normalize("tag" + '\uD800'));

    [Fact]
    public void CHAT7_adding_and_removing_keeps_order_and_drops_duplicates()
    {
        var tags = TagRules.Apply(["a", "b"], ["C", "a", " c "], ["b"]);
        Assert.Equal(["a", "c"], tags);
    }

    [Fact]
    public void CHAT7_at_most_twenty_tags()
    {
        var twenty = Enumerable.Range(0, 20).Select(i => $"t{i}").ToList();
        Assert.Equal(20, TagRules.Apply([], twenty, null).Count);
        Assert.Equal(DomainErrorCode.Invalid, Assert.Throws<DomainException>(() => TagRules.Apply(twenty, ["one-more"], null)).Code);
        Assert.Throws<DomainException>(() => TagRules.Apply([], null, null));
    }
}
