using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.KnowledgeBase;

[Collection(WebCollection.Name)]
public sealed class KnowledgeBaseApiTests(WebFixture fixture) : IDisposable
{
    private readonly string _base = $"/api/v1/properties/p-{Guid.NewGuid().ToString("N")[..8]}";
    private readonly HttpClient _http = new() { BaseAddress = fixture.Web.BaseAddress };

    public void Dispose() => _http.Dispose();

    [Fact, Trait("Spec", "KB-1"), Trait("Spec", "KB-2")]
    public async Task KB2_articles_round_trip_over_rest_and_search_returns_marked_snippets()
    {
        var created = await _http.PostAsJsonAsync($"{_base}/knowledge-bases", new { name = "Help center" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var knowledgeBaseId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var category = await ReadAsync(await _http.PostAsJsonAsync($"{_base}/knowledge-bases/{knowledgeBaseId}/categories", new { name = "Account" }));
        var categoryId = category.GetProperty("id").GetString();
        var renamed = await ReadAsync(await _http.PutAsJsonAsync($"{_base}/knowledge-bases/{knowledgeBaseId}", new { name = "Help" }));
        Assert.Equal("Help", renamed.GetProperty("name").GetString());

        var article = await ReadAsync(await _http.PostAsJsonAsync($"{_base}/knowledge-bases/{knowledgeBaseId}/articles", new
        {
            title = "Reset your password",
            slug = "reset-password",
            body = "Open **Settings** and choose *Reset password*. <script>alert(1)</script>",
            status = "published",
            categoryId,
        }));
        Assert.Equal("Published", article.GetProperty("status").GetString());
        var articleId = article.GetProperty("id").GetString();

        var read = await _http.GetFromJsonAsync<JsonElement>($"{_base}/articles/{articleId}");
        Assert.Contains("<strong>Settings</strong>", read.GetProperty("html").GetString());
        Assert.DoesNotContain("<script>", read.GetProperty("html").GetString());

        var hits = await _http.GetFromJsonAsync<JsonElement>($"{_base}/articles/search?q=settings&knowledgeBaseId={knowledgeBaseId}&categoryId={categoryId}");
        Assert.Equal(articleId, hits[0].GetProperty("articleId").GetString());
        Assert.Contains("<mark>Settings</mark>", hits[0].GetProperty("snippetHtml").GetString());

        var updated = await _http.PutAsJsonAsync($"{_base}/knowledge-bases/{knowledgeBaseId}/articles/{articleId}",
            new { title = "Reset your password", slug = "reset-password", body = "Soon.", status = "draft" });
        updated.EnsureSuccessStatusCode();
        Assert.Equal(0, (await _http.GetFromJsonAsync<JsonElement>($"{_base}/articles/search?q=password")).GetArrayLength());
        Assert.Equal(1, (await _http.GetFromJsonAsync<JsonElement>($"{_base}/articles/search?q=password&includeDrafts=true")).GetArrayLength());
        var rebuilt = await ReadAsync(await _http.PostAsync($"{_base}/articles/search/rebuild", null));
        Assert.Equal(1, rebuilt.GetProperty("articles").GetInt32());

        var listed = await _http.GetFromJsonAsync<JsonElement>($"{_base}/knowledge-bases/{knowledgeBaseId}?includeDrafts=true");
        Assert.Equal("reset-password", listed.GetProperty("articles")[0].GetProperty("slug").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await _http.DeleteAsync($"{_base}/knowledge-bases/{knowledgeBaseId}/articles/{articleId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"{_base}/articles/{articleId}")).StatusCode);
    }

    [Fact, Trait("Spec", "KB-1"), Trait("Spec", "X-1")]
    public async Task KB1_refused_input_comes_back_as_problem_details()
    {
        var knowledgeBase = await ReadAsync(await _http.PostAsJsonAsync($"{_base}/knowledge-bases", new { name = "Docs" }));
        var articles = $"{_base}/knowledge-bases/{knowledgeBase.GetProperty("id").GetString()}/articles";

        var badSlug = await _http.PostAsJsonAsync(articles, new { title = "T", slug = "Bad Slug", body = "b", status = "draft" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badSlug.StatusCode);
        Assert.Equal("application/problem+json", badSlug.Content.Headers.ContentType?.MediaType);

        (await _http.PostAsJsonAsync(articles, new { title = "T", slug = "same", body = "b", status = "draft" })).EnsureSuccessStatusCode();
        var duplicate = await _http.PostAsJsonAsync(articles, new { title = "T2", slug = "same", body = "b", status = "draft" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        var unknown = await _http.GetAsync($"{_base}/knowledge-bases/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact, Trait("Spec", "KB-3")]
    public async Task KB3_shortcuts_round_trip_over_rest()
    {
        var created = await _http.PostAsJsonAsync($"{_base}/shortcuts", new { name = "hi", message = "Hello! How can I help?" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        (await _http.PostAsJsonAsync($"{_base}/shortcuts", new { name = "bye", message = "Have a good day." })).EnsureSuccessStatusCode();

        Assert.Equal("Hello! How can I help?", (await _http.GetFromJsonAsync<JsonElement>($"{_base}/shortcuts/hi")).GetProperty("message").GetString());
        Assert.Equal(2, (await _http.GetFromJsonAsync<JsonElement>($"{_base}/shortcuts")).GetArrayLength());
        var found = await _http.GetFromJsonAsync<JsonElement>($"{_base}/shortcuts?q=help");
        Assert.Equal("hi", found[0].GetProperty("name").GetString());

        (await _http.PutAsJsonAsync($"{_base}/shortcuts/hi", new { name = "hello", message = "Hello there!" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"{_base}/shortcuts/hi")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _http.DeleteAsync($"{_base}/shortcuts/hello")).StatusCode);

        var bad = await _http.PostAsJsonAsync($"{_base}/shortcuts", new { name = "Not Valid", message = "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
    }

    [Fact, Trait("Spec", "X-2")]
    public async Task X2_the_knowledge_base_endpoints_are_in_the_openapi_document()
    {
        var document = await _http.GetStringAsync("/api/v1/openapi.json");

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
