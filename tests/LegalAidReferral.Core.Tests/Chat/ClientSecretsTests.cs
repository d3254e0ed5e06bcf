using LegalAidReferral.Core.Chat.Cases;

namespace LegalAidReferral.Core.Tests.Chat;

public sealed class ClientSecretsTests
{
    [Fact]
    public void A_code_verifies_against_its_hash_however_it_is_typed()
    {
        var code = ClientSecrets.NewCode();
        var stored = ClientSecrets.Hash(code);

        Assert.True(ClientSecrets.Verify(code, stored));
        Assert.True(ClientSecrets.Verify(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), stored));
        Assert.False(ClientSecrets.Verify("ACDE-3479" == code ? "ACDE-3477" : "ACDE-3479", stored));
    }

    [Fact]
    public void The_same_code_hashes_differently_with_each_salt_and_the_hash_holds_no_code()
    {
        var first = ClientSecrets.Hash("ACDE-3479");
        var second = ClientSecrets.Hash("ACDE-3479");

        Assert.NotEqual(first, second);
        Assert.DoesNotContain("ACDE", first, StringComparison.Ordinal);
        Assert.StartsWith("pbkdf2-sha256$100000$", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ACDE-347")]
    [InlineData("ACDE-3470")]
    [InlineData("<script>")]
    public void Text_that_cannot_be_a_code_never_verifies(string typed)
    {
        Assert.Null(ClientSecrets.Normalize(typed));
        Assert.False(ClientSecrets.Verify(typed, ClientSecrets.Hash("ACDE-3479")));
    }
}
