using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Messages;

namespace Conversations.Tests.Unit;

[Trait("Spec", "X-1")]
public sealed class MessageTextTests
{
    [Theory]
    [InlineData("  hello  ", "hello")]
    [InlineData("line one\r\nline two", "line one\nline two")]
    [InlineData("from a@example.com\rSubject: x", "from a@example.com\nSubject: x")]
    [InlineData("bell\u0007 and null\u0000 removed", "bell and null removed")]
    [InlineData("tab\tkept", "tab\tkept")]
    [InlineData("<script>alert(1)</script>", "<script>alert(1)</script>")]
    public void X1_clean_keeps_text_and_drops_control_characters(string input, string expected) =>
        Assert.Equal(expected, MessageText.Clean(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("\u0001\u0002")]
    public void X1_empty_text_is_refused_with_a_reason(string? input)
    {
        var error = Assert.Throws<DomainException>(() => MessageText.Clean(input));
        Assert.Equal(DomainErrorCode.Invalid, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void X1_text_over_the_limit_is_refused_and_text_at_the_limit_is_kept()
    {
        Assert.Equal(MessageText.MaxLength, MessageText.Clean(new string('a', MessageText.MaxLength)).Length);
        var error = Assert.Throws<DomainException>(() => MessageText.Clean(new string('a', MessageText.MaxLength + 1)));
        Assert.Contains(MessageText.MaxLength.ToString(), error.Message);
    }
}
