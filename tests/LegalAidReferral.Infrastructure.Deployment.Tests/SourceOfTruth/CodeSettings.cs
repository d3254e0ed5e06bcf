using System.Reflection;
using System.Text.RegularExpressions;

namespace LegalAidReferral.Infrastructure.Deployment.Tests.SourceOfTruth;

/// <summary>
/// The configuration keys the Functions app reads, found in its own code (the projects it is built
/// from: Core, Infrastructure, Functions), not copied by hand:
/// <list type="bullet">
/// <item>options classes with a <c>SectionName</c> constant: every settable property;</item>
/// <item><c>Configure&lt;T&gt;(x.GetSection("S"))</c>: every settable property of T under S;</item>
/// <item>in each source file, sections followed from the <c>IConfiguration</c> parameter through
/// <c>var s = x.GetSection(...)</c> and through a method called with <c>x.GetSection(...)</c>, then the
/// keys read from them: <c>s["K"]</c>, <c>s.GetValue&lt;T&gt;("K")</c>, <c>s.GetSection("K").Get&lt;T&gt;()</c>;</item>
/// <item>full keys: <c>configuration["A:B"]</c> and <c>%A:B%</c> in timer schedules;</item>
/// <item>the section a library binds (Microsoft.Identity.Web's <c>AzureAd</c>), with the keys a web API needs.</item>
/// </list>
/// </summary>
public static partial class CodeSettings
{
    private static readonly string[] Projects = ["LegalAidReferral.Core", "LegalAidReferral.Infrastructure", "LegalAidReferral.Functions"];

    // Microsoft.Identity.Web reads these from the section named in AddMicrosoftIdentityWebApi (README, Configuration).
    private static readonly string[] IdentityWebKeys = ["Instance", "TenantId", "ClientId", "Audience"];

    public static IReadOnlySet<string> Read(string repositoryRoot, IEnumerable<Assembly> assemblies)
    {
        var types = assemblies.SelectMany(a => a.GetTypes()).ToArray();
        var sectionOf = types
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(t => t.Field is { IsLiteral: true })
            .ToDictionary(t => t.Type.Name, t => (string)t.Field!.GetRawConstantValue()!);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in types.Where(t => sectionOf.ContainsKey(t.Name)))
        {
            AddProperties(keys, sectionOf[type.Name], type);
        }

        var sources = Projects.SelectMany(p => Directory.EnumerateFiles(Path.Combine(repositoryRoot, "src", p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var text in sources.Select(File.ReadAllText))
        {
            Scan(text, keys, sectionOf, types);
        }

        return keys;
    }

    private static void Scan(string text, SortedSet<string> keys, Dictionary<string, string> sectionOf, Type[] types)
    {
        string Section(Match m) => SectionOf(m, sectionOf, types);
        var paths = RootParameter().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToDictionary(name => name, _ => "");
        for (var grown = true; grown;)
        {
            grown = false;
            foreach (Match m in SectionVariable().Matches(text))
            {
                grown |= Follow(paths, m.Groups["name"].Value, m.Groups["of"].Value, Section(m));
            }

            foreach (Match m in SectionArgument().Matches(text))
            {
                var parameter = SectionParameter(text, m.Groups["method"].Value);
                grown |= parameter is not null && Follow(paths, parameter, m.Groups["of"].Value, Section(m));
            }

            foreach (Match m in SectionPassed().Matches(text))
            {
                var parameter = SectionParameter(text, m.Groups["method"].Value);
                grown |= parameter is not null && Follow(paths, parameter, m.Groups["of"].Value, "");
            }
        }

        foreach (Match m in KeyRead().Matches(text))
        {
            if (paths.TryGetValue(m.Groups["of"].Value, out var path))
            {
                keys.Add(Join(path, m.Groups["key"].Value));
            }
        }

        foreach (Match m in ConfigureOptions().Matches(text))
        {
            AddProperties(keys, Section(m), types.Single(t => t.Name == m.Groups["options"].Value));
        }

        foreach (Match m in FullKey().Matches(text))
        {
            keys.Add(m.Groups["key"].Value);
        }

        foreach (Match m in IdentityWeb().Matches(text))
        {
            var section = Section(m);
            keys.UnionWith(IdentityWebKeys.Select(k => Join(section, k)));
        }
    }

    private static bool Follow(Dictionary<string, string> paths, string name, string of, string section) =>
        paths.TryGetValue(of, out var parent) && paths.TryAdd(name, Join(parent, section));

    private static string? SectionParameter(string text, string method) =>
        Regex.Match(text, $@"\b{method}\(IConfigurationSection (\w+)\)") is { Success: true } m ? m.Groups[1].Value : null;

    // A section argument is a literal ("Storage"), an options class's SectionName, or a public string
    // constant of the code (such as EntraIdServiceCollectionExtensions.AzureAdSectionName).
    private static string SectionOf(Match m, Dictionary<string, string> sectionOf, Type[] types)
    {
        if (m.Groups["literal"].Success)
        {
            return m.Groups["literal"].Value;
        }

        if (m.Groups["sectionName"].Success && sectionOf.TryGetValue(m.Groups["owner"].Value, out var section))
        {
            return section;
        }

        return types
            .Select(t => t.GetField(m.Groups["constant"].Value, BindingFlags.Public | BindingFlags.Static))
            .FirstOrDefault(f => f is { IsLiteral: true })?.GetRawConstantValue() as string
            ?? throw new InvalidOperationException($"Cannot resolve the configuration section in '{m.Value}'.");
    }

    private static void AddProperties(SortedSet<string> keys, string section, Type type) =>
        keys.UnionWith(type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true).Select(p => Join(section, p.Name)));

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}:{key}";

    private const string SectionArg = """(?:"(?<literal>\w+)"|(?<owner>\w+)\.(?<sectionName>SectionName)|(?<constant>\w+))""";

    [GeneratedRegex(@"\bIConfiguration (\w+)")]
    private static partial Regex RootParameter();

    [GeneratedRegex($@"var (?<name>\w+) = (?<of>\w+)\.GetSection\({SectionArg}\)")]
    private static partial Regex SectionVariable();

    [GeneratedRegex($@"(?<method>\w+)\((?<of>\w+)\.GetSection\({SectionArg}\)\)")]
    private static partial Regex SectionArgument();

    [GeneratedRegex("""(?<of>\w+)(?:\["(?<key>\w+)"\]|\.GetValue<[^>]+>\("(?<key>\w+)"\)|\.GetSection\("(?<key>\w+)"\)\.Get<)""")]
    private static partial Regex KeyRead();

    [GeneratedRegex(@"(?<method>\w+)\((?<of>\w+)\)")]
    private static partial Regex SectionPassed();

    [GeneratedRegex($@"Configure<(?<options>\w+)>\(\w+\.GetSection\({SectionArg}\)\)")]
    private static partial Regex ConfigureOptions();

    [GeneratedRegex("""(?:configuration\["|"%)(?<key>\w+(?::\w+)+)(?:"\]|%")""")]
    private static partial Regex FullKey();

    [GeneratedRegex(@"AddMicrosoftIdentityWebApi\(\w+, (?<constant>\w+)\)")]
    private static partial Regex IdentityWeb();
}
