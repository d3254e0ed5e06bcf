using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;
using static LegalAidReferral.Core.Tests.Conflicts.Parties;

namespace LegalAidReferral.Core.Tests.Conflicts;

public class PartyProfileCodecTests
{
    [Fact]
    public void A_stored_profile_reads_back_as_the_party_it_was_written_from()
    {
        var written = Person(
            "María da Graça Pérez-García", ["Graça Pérez", "123"], new DateOnly(1987, 4, 2), approximate: true, (IdentityDocumentType.Passport, "HN 123-4567"));

        var read = PartyProfileCodec.Deserialize(written.CaseId, written.Reference, written.Role, written.Position, PartyProfileCodec.Serialize(written));

        Assert.Equal(written.Name, read.Name);
        Assert.Equal(written.Names.Select(n => (n.Text, n.IsAlias)), read.Names.Select(n => (n.Text, n.IsAlias)));
        Assert.Equal(written.Names.SelectMany(n => n.Tokens), read.Names.SelectMany(n => n.Tokens));
        Assert.Equal((written.BirthDate, written.BirthDateApproximate), (read.BirthDate, read.BirthDateApproximate));
        Assert.Equal(written.Documents, read.Documents);
        Assert.Equal(PartyMatcher.Match(written, written)!.Score, PartyMatcher.Match(written, read)!.Score);
    }

    [Fact]
    public void A_stored_profile_keeps_accented_names_as_written_and_leaves_out_what_is_unknown()
    {
        var stored = PartyProfileCodec.Serialize(Person("José Pérez"));

        Assert.Equal("""{"n":"José Pérez"}""", stored);
    }
}
