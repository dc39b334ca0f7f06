using Conversations.Grains.Conversations;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Tests.Unit;

[Trait("Spec", "X-1")]
public sealed class TextRulesTests
{
    [Theory]
    [InlineData("ann@example.com")]
    [InlineData(" ann.b+tag@mail.example.org ")]
    public void X1_plain_email_addresses_are_accepted(string email) => Assert.Equal(email.Trim(), TextRules.Email(email));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not an email")]
    [InlineData("Ann <ann@example.com>")]
    [InlineData("ann@example.com\r\nBcc: x@y.z")]
    [InlineData("a@b.c; drop table")]
    public void X1_anything_else_is_not_an_email(string? email) =>
        Assert.Equal(DomainErrorCode.Invalid, Assert.Throws<DomainException>(() => TextRules.Email(email)).Code);

    // Built in code: xunit turns lone surrogates in InlineData into U+FFFD.
    [Fact]
    public void X1_lone_surrogates_are_malformed()
    {
        Assert.True(TextRules.IsWellFormed("emoji \uD83D\uDE00 ok"));
        Assert.False(TextRules.IsWellFormed("lone " + '\uD800' + " high"));
        Assert.False(TextRules.IsWellFormed("lone " + '\uDC00' + " low"));
        Assert.False(TextRules.IsWellFormed("ends high " + '\uD83D'));
        Assert.False(TextRules.IsWellFormed("swapped " + '\uDE00' + '\uD83D'));
    }
}
