using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Tests.Common;

public class TextRuleTests
{
    // Lone surrogates do not survive xunit's serialisation of theory data, so the theory gets an index.
    private static readonly (string Value, string Named)[] Rejected =
    [
        ("Ana\uD800", "unpaired surrogate"),
        ("\uDC00Ana", "unpaired surrogate"),
        ("Ana\uFFFE", "U+FFFE"),
        ("Ana\uFFFF", "U+FFFF"),
        ("Ana\uFDD0", "U+FDD0"),
        ("Ana\uFDEF", "U+FDEF"),
        ("Ana\U0001FFFE", "U+1FFFE"),
        ("Ana\U0010FFFF", "U+10FFFF"),
        ("Ana\0Ruiz", "U+0000"),
        ("Ana\u001B[31mRuiz", "U+001B"),
        ("Ana\aRuiz", "U+0007"),
        ("Ana\tRuiz", "U+0009"),
        ("Ana\u007FRuiz", "U+007F"),
        ("Ana\u0085Ruiz", "U+0085"),
        ("Ana\u009FRuiz", "U+009F"),
        ("Ana\u2028Ruiz", "U+2028"),
        ("Ana\u202ERuiz", "U+202E"),
        ("Ana\u202ARuiz", "U+202A"),
        ("Ana\u2066Ruiz", "U+2066"),
        ("Ana\u2069Ruiz", "U+2069"),
        ("Ana\nRuiz", "Line breaks"),
        ("Ana\r\nRuiz", "U+000D"),
    ];

    public static TheoryData<int> RejectedIndexes() => new(Enumerable.Range(0, Rejected.Length));

    [Theory]
    [MemberData(nameof(RejectedIndexes))]
    public void Single_line_text_with_a_forbidden_character_is_rejected_with_its_code_point(int index)
    {
        var (value, named) = Rejected[index];
        var (text, problem) = TextRule.Apply(value, 200, multiline: false);

        Assert.Null(text);
        Assert.Contains(named, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Line one\nline two", "Line one\nline two")]
    [InlineData("Line one\r\nline two\r\n", "Line one\nline two")]
    [InlineData("  padded  ", "padded")]
    public void Multi_line_text_keeps_line_breaks_as_newlines_and_is_trimmed(string value, string expected)
    {
        Assert.Equal((expected, null), TextRule.Apply(value, 2000, multiline: true));
    }

    [Theory]
    [InlineData("Line one\rline two")]
    [InlineData("Tab\tseparated")]
    [InlineData("Hidden\u202Etxt.exe")]
    public void Multi_line_text_still_rejects_other_controls_and_bidi_overrides(string value)
    {
        Assert.NotNull(TextRule.Apply(value, 2000, multiline: true).Problem);
    }

    [Fact]
    public void Text_is_normalised_to_NFC()
    {
        var decomposed = "Jose\u0301 Pe\u0301rez";

        Assert.Equal("José Pérez", TextRule.Apply(decomposed, 200, multiline: false).Text);
    }

    [Fact]
    public void Length_is_counted_in_code_points_after_trimming_and_normalising()
    {
        var atLimit = new string('a', 9) + "\U0001F600";
        var decomposedAtLimit = new string('e', 9) + "e\u0301";

        Assert.Equal(atLimit, TextRule.Apply($"  {atLimit}  ", 10, multiline: false).Text);
        Assert.Equal(new string('e', 9) + "é", TextRule.Apply(decomposedAtLimit, 10, multiline: false).Text);
        Assert.Equal("At most 10 characters are allowed.", TextRule.Apply(atLimit + "b", 10, multiline: false).Problem);
    }

    [Fact]
    public void Letters_of_every_script_and_emoji_pass()
    {
        const string names = "Zoë Ñúñez 王秀英 Nguyễn Thị Ánh Мария ʻOkina Jean-Bac D'Arcy 😀";

        Assert.Equal((names, null), TextRule.Apply(names, 200, multiline: false));
    }

    [Property(MaxTest = 2000, Replay = "(20261128,1)")]
    public Property Any_string_is_either_clean_or_rejected_and_never_throws()
    {
        // Mostly ordinary text, so that clean strings are common too, with any UTF-16 unit mixed in.
        var ordinary = Gen.Elements(" aeéñ\nZ\u0301\r王😀".ToCharArray());
        var anyUnit = Gen.Choose(0, 0xFFFF).Select(c => (char)c);
        var strings = Gen.ArrayOf(Gen.Frequency((20, ordinary), (1, anyUnit))).Select(chars => new string(chars));
        return Prop.ForAll(strings.ToArbitrary(), value =>
        {
            var (text, problem) = TextRule.Apply(value, 50, multiline: value.Length % 2 == 0);
            return (text is null) != (problem is null)
                && (text is null || (text.IsNormalized() && text == text.Trim() && TextRule.Apply(text, 50, multiline: true) == (text, null)));
        });
    }
}
