using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace LegalAidReferral.ConsoleMeasure;

/// <summary>
/// Creates cases in the signed-in user's office through <c>POST /api/cases</c>, several at a time,
/// each client with a distinct fictional name (<see cref="NameOf"/>), so a name search finds one.
/// </summary>
public static class CaseSeeder
{
    public const string Surname = "Medida";
    private static readonly string[] Syllables = ["ba", "ce", "di", "fo", "gu", "la", "me", "ni", "po", "ru", "sa", "te", "vi", "zo", "ca", "de", "fi", "go", "lu", "ma", "no", "pi"];

    /// <summary>The fictional client name of the <paramref name="index"/>-th seeded case: two invented words and <see cref="Surname"/>.</summary>
    public static string NameOf(int index) => $"{Word(index)} {Word((index * 7919) + 13)} {Surname}";

    public static async Task SeedAsync(HttpClient http, string token, int count, int parallelism, TextWriter output)
    {
        var started = DateTimeOffset.UtcNow;
        var created = 0;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (index, cancellation) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(Intake(NameOf(index))) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("Idempotency-Key", $"console-measure-{index}");
            using var response = await http.SendAsync(request, cancellation);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"POST /api/cases answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellation)}");
            }

            if (Interlocked.Increment(ref created) % 1000 == 0)
            {
                output.WriteLine($"  {created:N0} cases created in {(DateTimeOffset.UtcNow - started).TotalSeconds:N0} s");
            }
        });
        output.WriteLine($"Seeded {count:N0} cases in {(DateTimeOffset.UtcNow - started).TotalSeconds:N0} s ({parallelism} at a time).");
    }

    private static string Word(int value)
    {
        var n = value % (Syllables.Length * Syllables.Length * Syllables.Length);
        var word = Syllables[n % Syllables.Length] + Syllables[n / Syllables.Length % Syllables.Length] + Syllables[n / Syllables.Length / Syllables.Length];
        return char.ToUpperInvariant(word[0]) + word[1..];
    }

    private static object Intake(string name) => new
    {
        client = new
        {
            fullName = name,
            birthDate = "1994-03-12",
            nationalities = new[] { "HN" },
            languages = new[] { "es" },
            currentLocation = new { country = "GT", locality = "Ciudad de Guatemala" },
        },
        household = new { size = 3, monthlyIncome = 1800, currency = "GTQ" },
        vulnerabilities = new[] { "detained" },
        legalIssues = new[] { new { type = "deportation", description = "Removal order" } },
        adverseParties = new[] { new { name = "Parte Contraria Ficticia" } },
    };
}
