using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Infrastructure.Sqlite;

namespace LegalAidReferral.Infrastructure.Tests.Sqlite;

/// <summary>Characters that LIKE treats specially (its wildcards and the escape character) are searched literally.</summary>
public sealed class SqliteCaseTextSearchTests : TempDatabase
{
    private const string Office = "mx-ifdp-tapachula";

    private static readonly Dictionary<string, string> Names = new()
    {
        ["backslash"] = @"Ana\Ruiz",
        ["percent"] = "Ana%Ruiz",
        ["underscore"] = "Ana_Ruiz",
        ["letter"] = "AnaXRuiz",
        ["none"] = "AnaRuiz",
        ["two-backslashes"] = @"Ana\\Ruiz",
    };

    [Theory]
    [InlineData(@"a\r", "backslash")]
    [InlineData(@"a\\r", "two-backslashes")]
    [InlineData("a%r", "percent")]
    [InlineData("a_r", "underscore")]
    [InlineData(@"\", "backslash", "two-backslashes")]
    [InlineData("%", "percent")]
    [InlineData("_", "underscore")]
    public async Task Text_search_finds_only_the_literal_characters(string text, params string[] expected)
    {
        var store = new SqliteCaseStore(Database);
        var ids = new Dictionary<Guid, string>();
        foreach (var (key, name) in Names)
        {
            var @case = TestCases.Make(Office, fullName: name);
            await store.TryCreateAsync(@case, TestNumber, [], default);
            ids[@case.Id] = key;
        }

        var found = await store.ListAsync(Office, new CaseQuery(null, null, text), new PageRequest(PageRequest.MaxLimit, null), default);

        Assert.Equal(expected.Order(), found.Items.Select(s => ids[s.Id]).Order());
    }
}
