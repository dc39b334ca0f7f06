using Conversations.Grains.Interfaces.Common;

namespace Conversations.Tests.Unit;

public sealed class TableKeysTests
{
    [Theory, Trait("Spec", "X-1")]
    [InlineData("v-0123456789abcdef0123456789abcdef")]
    [InlineData("user 42")]
    [InlineData("Ünïcödé-😀")]
    [InlineData("a_b.c~d%e")]
    public void X1_an_id_storage_can_hold_is_kept(string key) => Assert.Equal(key, TableKeys.Require(key, "The id"));

    [Theory, Trait("Spec", "X-1")]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData(" ", "space")]
    [InlineData(" a", "space")]
    [InlineData("a\r\n", "space")]
    [InlineData("a/b", "'/'")]
    [InlineData("a\\b", "'\\'")]
    [InlineData("a#b", "'#'")]
    [InlineData("a?b", "'?'")]
    [InlineData("a\0b", "U+0000")]
    [InlineData("a\u007fb", "U+007F")]
    [InlineData("a\u0085b", "U+0085")]
    [InlineData("\u202Eexe.txt", "U+202E")]
    [InlineData("a\u200Bb", "U+200B")]
    [InlineData("a\u2028b", "U+2028")]
    public void X1_an_id_storage_cannot_hold_is_refused_with_the_reason(string? key, string reason)
    {
        var refused = Assert.Throws<DomainException>(() => TableKeys.Require(key, "The visitor id"));

        Assert.Equal(DomainErrorCode.Invalid, refused.Code);
        Assert.StartsWith("The visitor id is not valid: ", refused.Message);
        Assert.Contains(reason, refused.Message);
    }

    [Fact, Trait("Spec", "X-1")]
    public void X1_an_id_with_a_lone_surrogate_is_refused()
    {
        // Built in code: attribute arguments cannot hold malformed UTF-16.
        Assert.Contains("malformed", TableKeys.Problem("x" + (char)0xD800));
        Assert.Contains("malformed", TableKeys.Problem(new string([(char)0xDE00, (char)0xD83D])));
        Assert.Null(TableKeys.Problem("x" + (char)0xD83D + (char)0xDE00));
    }

    [Fact, Trait("Spec", "X-1")]
    public void X1_an_id_is_at_most_256_characters()
    {
        Assert.True(TableKeys.IsValid(new string('a', 256)));
        Assert.Contains("257 characters", TableKeys.Problem(new string('a', 257)));
        Assert.Contains("40000 characters", TableKeys.Problem(new string('a', 40_000)));
    }
}
