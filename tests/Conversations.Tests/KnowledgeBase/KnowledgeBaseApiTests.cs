using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.KnowledgeBase;

[Collection(WebCollection.Name)]
public sealed class KnowledgeBaseApiTests(WebFixture fixture) : IAsyncLifetime
{
    private SignedInAgent _admin = null!;

    private string Base => $"/api/v1/properties/{_admin.PropertyId}";

    private HttpClient Http => _admin.Http;

    public async Task InitializeAsync() => _admin = await SignedInAgent.CreateAsync(fixture);

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact, Trait("Spec", "KB-1"), Trait("Spec", "ADM-2")]
    public async Task KB1_only_admins_edit_knowledgeBases_while_agents_read_search_and_use_shortcuts()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture, _admin.PropertyId, PropertyRole.Agent);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.PostAsJsonAsync($"{Base}/knowledge-bases", new { name = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Http.PostAsJsonAsync($"{Base}/knowledge-bases", new { name = "Help" })).StatusCode);
        Assert.Single((await agent.Http.GetFromJsonAsync<JsonElement>($"{Base}/knowledge-bases")).EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await agent.Http.GetAsync($"{Base}/articles/search?q=help")).StatusCode);
        Assert.True((await agent.Http.PostAsJsonAsync($"{Base}/shortcuts", new { name = "thanks", message = "Thank you!" })).IsSuccessStatusCode);
    }

    [Fact, Trait("Spec", "KB-1"), Trait("Spec", "KB-2")]
    public async Task KB2_articles_round_trip_over_rest_and_search_returns_marked_snippets()
    {
        var created = await Http.PostAsJsonAsync($"{Base}/knowledge-bases", new { name = "Help center" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var knowledgeBaseId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var category = await ReadAsync(await Http.PostAsJsonAsync($"{Base}/knowledge-bases/{knowledgeBaseId}/categories", new { name = "Account" }));
        var categoryId = category.GetProperty("id").GetString();
        var renamed = await ReadAsync(await Http.PutAsJsonAsync($"{Base}/knowledge-bases/{knowledgeBaseId}", new { name = "Help" }));
        Assert.Equal("Help", renamed.GetProperty("name").GetString());

        var article = await ReadAsync(await Http.PostAsJsonAsync($"{Base}/knowledge-bases/{knowledgeBaseId}/articles", new
        {
            title = "Reset your password",
            slug = "reset-password",
            body = "Open **Settings** and choose *Reset password*. <script>alert(1)</script>",
            status = "published",
            categoryId,
        }));
        Assert.Equal("Published", article.GetProperty("status").GetString());
        var articleId = article.GetProperty("id").GetString();

        var read = await Http.GetFromJsonAsync<JsonElement>($"{Base}/articles/{articleId}");
        Assert.Contains("<strong>Settings</strong>", read.GetProperty("html").GetString());
        Assert.DoesNotContain("<script>", read.GetProperty("html").GetString());

        var hits = await Http.GetFromJsonAsync<JsonElement>($"{Base}/articles/search?q=settings&knowledgeBaseId={knowledgeBaseId}&categoryId={categoryId}");
        Assert.Equal(articleId, hits[0].GetProperty("articleId").GetString());
        Assert.Contains("<mark>Settings</mark>", hits[0].GetProperty("snippetHtml").GetString());

        var updated = await Http.PutAsJsonAsync($"{Base}/knowledge-bases/{knowledgeBaseId}/articles/{articleId}",
            new { title = "Reset your password", slug = "reset-password", body = "Soon.", status = "draft" });
        updated.EnsureSuccessStatusCode();
        Assert.Equal(0, (await Http.GetFromJsonAsync<JsonElement>($"{Base}/articles/search?q=password")).GetArrayLength());
        Assert.Equal(1, (await Http.GetFromJsonAsync<JsonElement>($"{Base}/articles/search?q=password&includeDrafts=true")).GetArrayLength());
        var rebuilt = await ReadAsync(await Http.PostAsync($"{Base}/articles/search/rebuild", null));
        Assert.Equal(1, rebuilt.GetProperty("articles").GetInt32());

        var listed = await Http.GetFromJsonAsync<JsonElement>($"{Base}/knowledge-bases/{knowledgeBaseId}?includeDrafts=true");
        Assert.Equal("reset-password", listed.GetProperty("articles")[0].GetProperty("slug").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"{Base}/knowledge-bases/{knowledgeBaseId}/articles/{articleId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"{Base}/articles/{articleId}")).StatusCode);
    }

    [Fact, Trait("Spec", "KB-1"), Trait("Spec", "X-1")]
    public async Task KB1_refused_input_comes_back_as_problem_details()
    {
        var knowledgeBase = await ReadAsync(await Http.PostAsJsonAsync($"{Base}/knowledge-bases", new { name = "Docs" }));
        var articles = $"{Base}/knowledge-bases/{knowledgeBase.GetProperty("id").GetString()}/articles";

        var badSlug = await Http.PostAsJsonAsync(articles, new { title = "T", slug = "Bad Slug", body = "b", status = "draft" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badSlug.StatusCode);
        Assert.Equal("application/problem+json", badSlug.Content.Headers.ContentType?.MediaType);

        (await Http.PostAsJsonAsync(articles, new { title = "T", slug = "same", body = "b", status = "draft" })).EnsureSuccessStatusCode();
        var duplicate = await Http.PostAsJsonAsync(articles, new { title = "T2", slug = "same", body = "b", status = "draft" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        var unknown = await Http.GetAsync($"{Base}/knowledge-bases/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact, Trait("Spec", "KB-3")]
    public async Task KB3_shortcuts_round_trip_over_rest()
    {
        var created = await Http.PostAsJsonAsync($"{Base}/shortcuts", new { name = "hi", message = "Hello! How can I help?" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        (await Http.PostAsJsonAsync($"{Base}/shortcuts", new { name = "bye", message = "Have a good day." })).EnsureSuccessStatusCode();

        Assert.Equal("Hello! How can I help?", (await Http.GetFromJsonAsync<JsonElement>($"{Base}/shortcuts/hi")).GetProperty("message").GetString());
        Assert.Equal(2, (await Http.GetFromJsonAsync<JsonElement>($"{Base}/shortcuts")).GetArrayLength());
        var found = await Http.GetFromJsonAsync<JsonElement>($"{Base}/shortcuts?q=help");
        Assert.Equal("hi", found[0].GetProperty("name").GetString());

        (await Http.PutAsJsonAsync($"{Base}/shortcuts/hi", new { name = "hello", message = "Hello there!" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"{Base}/shortcuts/hi")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"{Base}/shortcuts/hello")).StatusCode);

        var bad = await Http.PostAsJsonAsync($"{Base}/shortcuts", new { name = "Not Valid", message = "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
    }

    [Fact, Trait("Spec", "X-2")]
    public async Task X2_the_knowledgeBase_endpoints_are_in_the_openapi_document()
    {
        var document = await Http.GetStringAsync("/api/v1/openapi.json");

        foreach (var operation in new[] { "CreateKnowledgeBase", "CreateArticle", "SearchArticles", "GetArticle", "CreateShortcut", "ExpandShortcut" })
        {
            Assert.Contains($"\"operationId\": \"{operation}\"", document);
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
