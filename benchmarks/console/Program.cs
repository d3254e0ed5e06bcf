using System.Globalization;
using LegalAidReferral.ConsoleMeasure;
using Microsoft.Playwright;

// Measures the web console in Debian's headless Chromium against a running standalone host with
// development sign-in on (benchmarks/console/measure.sh starts a published one):
//   first-load  cold loads of the work queue: time until usable, bytes transferred
//   case-list   seeds cases in one office through the API, then times the case list's pages and searches
// Usage: dotnet run -c Release --project benchmarks/console -- <origin> [first-load|case-list|all] [--runs N] [--cases N] [--user ID]
if (args.Length == 0 || !Uri.TryCreate(args[0], UriKind.Absolute, out var origin))
{
    Console.Error.WriteLine("usage: <origin> [first-load|case-list|all] [--runs N] [--cases N] [--user ID]");
    return 2;
}

var what = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : "all";
var runs = int.Parse(Option("--runs", "7"), CultureInfo.InvariantCulture);
var cases = int.Parse(Option("--cases", "10000"), CultureInfo.InvariantCulture);
var user = Option("--user", "gt-idpp-guatemala-defender");
if (!File.Exists(Browsers.ChromiumPath))
{
    Console.Error.WriteLine($"Needs Debian's Chromium at {Browsers.ChromiumPath}: apt-get install -y chromium");
    return 2;
}

using var http = new HttpClient { BaseAddress = origin, Timeout = TimeSpan.FromMinutes(2) };
var token = await DevToken.ForAsync(http, user);
using var playwright = await Playwright.CreateAsync();
await using var browser = await Browsers.LaunchAsync(playwright);
Console.WriteLine($"{DateTimeOffset.UtcNow:u} {origin} as {user}; load average {File.ReadAllText("/proc/loadavg").Trim()}");
if (what is "first-load" or "all")
{
    await FirstLoadMeasure.RunAsync(browser, origin, token, runs, Console.Out);
}

if (what is "case-list" or "all")
{
    await CaseSeeder.SeedAsync(http, token, cases, parallelism: 8, Console.Out);
    await CaseListMeasure.RunAsync(browser, origin, token, cases, runs, Console.Out);
}

Console.WriteLine($"{DateTimeOffset.UtcNow:u} done; load average {File.ReadAllText("/proc/loadavg").Trim()}");
return 0;

string Option(string name, string byDefault)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : byDefault;
}
