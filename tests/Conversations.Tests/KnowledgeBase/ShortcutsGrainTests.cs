using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.KnowledgeBase;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.KnowledgeBase;

[Collection(ClusterCollection.Name)]
public sealed class ShortcutsGrainTests(ClusterFixture fixture)
{
    private readonly IShortcutsGrain _shortcuts = fixture.Client.GetGrain<IShortcutsGrain>("p-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact, Trait("Spec", "KB-3")]
    public async Task KB3_shortcuts_are_created_listed_edited_renamed_and_deleted()
    {
        await _shortcuts.CreateAsync(new ShortcutInput("thanks", "Thank you for reaching out!"));
        await _shortcuts.CreateAsync(new ShortcutInput("hello", "Hi, how can I help?\r\nLine two."));

        Assert.Equal(["hello", "thanks"], (await _shortcuts.ListAsync()).Select(s => s.Name));
        Assert.Equal("Hi, how can I help?\nLine two.", (await _shortcuts.ExpandAsync("hello")).Message);

        var edited = await _shortcuts.UpdateAsync("thanks", new ShortcutInput("ty", "Thanks a lot!"));
        Assert.Equal(("ty", "Thanks a lot!"), (edited.Name, edited.Message));
        var gone = await Assert.ThrowsAsync<DomainException>(() => _shortcuts.ExpandAsync("thanks"));
        Assert.Equal(DomainErrorCode.NotFound, gone.Code);

        await _shortcuts.DeleteAsync("hello");
        Assert.Equal(["ty"], (await _shortcuts.ListAsync()).Select(s => s.Name));
        await Assert.ThrowsAsync<DomainException>(() => _shortcuts.DeleteAsync("hello"));
    }

    [Fact, Trait("Spec", "KB-3")]
    public async Task KB3_search_matches_name_or_message_with_names_first()
    {
        await _shortcuts.CreateAsync(new ShortcutInput("refund", "We have issued your refund."));
        await _shortcuts.CreateAsync(new ShortcutInput("refund-policy", "Our policy: 30 days."));
        await _shortcuts.CreateAsync(new ShortcutInput("sorry", "Sorry about the delay, your REFUND is on its way."));
        await _shortcuts.CreateAsync(new ShortcutInput("bye", "Have a nice day."));

        Assert.Equal(["refund", "refund-policy", "sorry"], (await _shortcuts.SearchAsync("refund", 10)).Select(s => s.Name));
        Assert.Equal(["refund-policy"], (await _shortcuts.SearchAsync("policy", 10)).Select(s => s.Name));
        Assert.Equal(["refund"], (await _shortcuts.SearchAsync("/refund", 1)).Select(s => s.Name));
        Assert.Empty(await _shortcuts.SearchAsync("kangaroo", 10));
    }

    [Theory, Trait("Spec", "KB-3")]
    [InlineData("Hello")]
    [InlineData("_hello")]
    [InlineData("-hello")]
    [InlineData("hello world")]
    [InlineData("")]
    [InlineData("a23456789012345678901234567890123")]
    [InlineData("héllo")]
    [InlineData("/hello")]
    public async Task KB3_a_bad_name_is_refused(string name)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => _shortcuts.CreateAsync(new ShortcutInput(name, "message")));
        Assert.Equal(DomainErrorCode.Invalid, error.Code);
    }

    [Fact, Trait("Spec", "KB-3")]
    public async Task KB3_names_are_unique_and_messages_are_bounded()
    {
        await _shortcuts.CreateAsync(new ShortcutInput("a", "first"));
        await _shortcuts.CreateAsync(new ShortcutInput("a2345678901234567890123456789012", "longest name"));

        var duplicate = await Assert.ThrowsAsync<DomainException>(() => _shortcuts.CreateAsync(new ShortcutInput("a", "again")));
        Assert.Equal(DomainErrorCode.Conflict, duplicate.Code);
        await Assert.ThrowsAsync<DomainException>(() => _shortcuts.CreateAsync(new ShortcutInput("big", new string('x', 4001))));
        await Assert.ThrowsAsync<DomainException>(() => _shortcuts.CreateAsync(new ShortcutInput("empty", " \n ")));
        var rename = await Assert.ThrowsAsync<DomainException>(() => _shortcuts.UpdateAsync("a", new ShortcutInput("a2345678901234567890123456789012", "x")));
        Assert.Equal(DomainErrorCode.Conflict, rename.Code);
        Assert.Equal(4000, (await _shortcuts.CreateAsync(new ShortcutInput("max", new string('x', 4000)))).Message.Length);
    }
}
