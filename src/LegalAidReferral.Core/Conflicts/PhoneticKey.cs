using System.Text;

namespace LegalAidReferral.Core.Conflicts;

/// <summary>
/// A sound-alike key for names written in Spanish, Portuguese or French, so spellings that sound the
/// same in those languages share a key ("Vásquez", "Vazquez", "Basques"; "Jiménez", "Ximenez",
/// "Gimenez"; "Guilherme", "Guillerme"). The rules, in the order they apply, are listed in
/// docs/conflict-check.md. Upper-case letters in a key stand for sounds, not letters: C for ch/sh,
/// J for j and soft g, Y for ll/lh and consonantal y.
/// </summary>
public static class PhoneticKey
{
    /// <param name="word">A folded word: lowercase letters a-z only (see <see cref="NameText.Fold"/>).</param>
    public static string Of(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var key = new StringBuilder(word.Length + 2);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var next = At(word, i + 1);
            var afterNext = At(word, i + 2);
            switch (c)
            {
                case 'e' when next == 'a' && afterNext == 'u':
                    key.Append('o');
                    i += 2;
                    break;
                case 'o' when next == 'u':
                    key.Append('u');
                    i++;
                    break;
                case 'a' or 'e' or 'i' or 'o' or 'u':
                    key.Append(c);
                    break;
                case 'y':
                    key.Append(IsVowel(next) ? 'Y' : 'i');
                    break;
                case 'b' or 'v' or 'w':
                    key.Append('b');
                    break;
                case 'c' when next == 'h':
                    key.Append('C');
                    i++;
                    break;
                case 'c':
                    key.Append(next is 'e' or 'i' or 'y' ? 's' : 'k');
                    break;
                case 'q' when next == 'u':
                    key.Append('k');
                    i++;
                    break;
                case 'k' or 'q':
                    key.Append('k');
                    break;
                case 'g' when next == 'u' && afterNext is 'e' or 'i':
                    key.Append('g');
                    i++;
                    break;
                case 'g':
                    key.Append(next is 'e' or 'i' or 'y' ? 'J' : 'g');
                    break;
                case 'j':
                    key.Append('J');
                    break;
                case 'h':
                    break;
                case 'l' when next is 'l' or 'h':
                    key.Append('Y');
                    i++;
                    break;
                case 'n' when next == 'h':
                    key.Append('n');
                    i++;
                    break;
                case 'p' when next == 'h':
                    key.Append('f');
                    i++;
                    break;
                case 's' when next == 'h':
                    key.Append('C');
                    i++;
                    break;
                case 't' when next == 'h':
                    key.Append('t');
                    i++;
                    break;
                case 'x':
                    key.Append(i == 0 ? "J" : "ks");
                    break;
                case 'z':
                    key.Append('s');
                    break;
                default:
                    key.Append(c);
                    break;
            }
        }

        return DropFinalSibilant(CollapseDoubles(key));
    }

    private static char At(string word, int index) => index < word.Length ? word[index] : '\0';

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static string CollapseDoubles(StringBuilder key)
    {
        var collapsed = new StringBuilder(key.Length);
        foreach (var chunk in key.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (collapsed.Length == 0 || collapsed[^1] != c)
                {
                    collapsed.Append(c);
                }
            }
        }

        return collapsed.ToString();
    }

    // French final s, x and z are silent, and Spanish and Portuguese writers add or drop a final s or
    // z between records ("Marco"/"Marcos", "Perez"/"Pere"), so it never decides a match.
    private static string DropFinalSibilant(string key) =>
        key.Length > 3 && key[^1] == 's' ? key[..^1] : key;
}
