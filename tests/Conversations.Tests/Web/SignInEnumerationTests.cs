using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Conversations.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Conversations.Tests.Web;

/// <summary>Sign-in never tells whether an email address has an account: not by status, lockout or time (ADM-2, ADM-4).</summary>
[Collection(WebCollection.Name)]
public sealed class SignInEnumerationTests(WebFixture fixture, ITestOutputHelper output)
{
    [Fact, Trait("Spec", "ADM-2"), Trait("Spec", "ADM-4")]
    public async Task ADM4_wrong_passwords_for_a_known_and_an_unknown_email_get_the_same_statuses_and_lock_alike()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        using var anonymous = new HttpClient { BaseAddress = fixture.Web.BaseAddress };
        var unknown = $"nobody-{Guid.NewGuid():N}@example.test";

        var known = await StatusesAsync(anonymous, agent.Email);
        var stranger = await StatusesAsync(anonymous, unknown);

        HttpStatusCode[] expected = [.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests];
        Assert.Equal(expected, known.Select(r => r.Status));
        Assert.Equal(expected, stranger.Select(r => r.Status));
        Assert.Equal(known.Select(r => r.Detail), stranger.Select(r => r.Detail));
        Assert.All(stranger.Where(r => r.Status == HttpStatusCode.TooManyRequests), r => Assert.True(r.RetryAfter > TimeSpan.Zero));
    }

    [Fact, Trait("Spec", "ADM-2"), Trait("Spec", "ADM-4")]
    public async Task ADM4_a_wrong_password_takes_as_long_for_an_unknown_email_as_for_a_known_one()
    {
        // Four tries per address stay under the lockout, which answers at once; known and unknown take turns.
        var known = new List<SignedInAgent>();
        for (var i = 0; i < 6; i++)
        {
            known.Add(await SignedInAgent.CreateAsync(fixture));
        }

        using var anonymous = new HttpClient { BaseAddress = fixture.Web.BaseAddress };
        var unknown = known.Select(_ => $"nobody-{Guid.NewGuid():N}@example.test").ToList();
        await TimeAsync(anonymous, $"warm-up-{Guid.NewGuid():N}@example.test");
        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            for (var i = 0; i < known.Count; i++)
            {
                knownTimes.Add(await TimeAsync(anonymous, known[i].Email));
                unknownTimes.Add(await TimeAsync(anonymous, unknown[i]));
            }
        }

        var (knownMedian, unknownMedian) = (Median(knownTimes), Median(unknownTimes));
        output.WriteLine($"Median of a wrong password over {knownTimes.Count} tries each: known {knownMedian:F1} ms, unknown {unknownMedian:F1} ms.");
        // Skipping the password hash for unknown addresses would make them several times faster; noise on a shared machine does not.
        Assert.True(unknownMedian / knownMedian is > 0.5 and < 2,
            $"Median of a wrong password: {knownMedian:F1} ms for known emails, {unknownMedian:F1} ms for unknown ones.");
        foreach (var agent in known)
        {
            agent.Dispose();
        }
    }

    private static async Task<List<(HttpStatusCode Status, string? Detail, TimeSpan? RetryAfter)>> StatusesAsync(HttpClient http, string email)
    {
        var answers = new List<(HttpStatusCode, string?, TimeSpan?)>();
        for (var i = 0; i < 6; i++)
        {
            var response = await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password = "wrong-password-" + i });
            var detail = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString();
            answers.Add((response.StatusCode, detail, response.Headers.RetryAfter?.Delta));
        }

        return answers;
    }

    private static async Task<double> TimeAsync(HttpClient http, string email)
    {
        var watch = Stopwatch.StartNew();
        var response = await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password = "wrong-password" });
        watch.Stop();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
