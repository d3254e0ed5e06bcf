using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Chat.Engine;
using LegalAidReferral.Core.Chat.Flows;

namespace LegalAidReferral.Core.Tests.Chat;

public sealed class IssueLexiconTests
{
    [Theory]
    [InlineData("es", "Me quieren deportar la próxima semana", LegalIssueType.Deportation)]
    [InlineData("es", "Estoy detenido en la estación migratoria", LegalIssueType.Detention)]
    [InlineData("en", "My boss did not pay my salary", LegalIssueType.Labour)]
    [InlineData("fr", "Je veux demander l'asile", LegalIssueType.Asylum)]
    [InlineData("pt", "Perdi o meu passaporte", LegalIssueType.Documentation)]
    [InlineData("ht", "Mwen bezwen papye pou m rete", LegalIssueType.Regularization)]
    [InlineData("ht", "Lapolis akize m", LegalIssueType.CriminalDefense)]
    public void Keywords_of_the_language_name_the_issue(string language, string text, LegalIssueType expected)
    {
        Assert.Equal(expected, IssueLexicon.Classify(ChatCatalog.Default.Languages[language], text));
    }

    [Theory]
    [InlineData("en", "hello")]
    [InlineData("ht", "Mwen pa konn kisa pou m fè")]
    [InlineData("es", "🙂🙂")]
    public void Text_without_keywords_names_no_issue(string language, string text)
    {
        Assert.Null(IssueLexicon.Classify(ChatCatalog.Default.Languages[language], text));
    }
}
