namespace LegalAidReferral.Core.Conflicts;

/// <summary>Damerau-Levenshtein distance (optimal string alignment), computed only up to a small bound.</summary>
public static class EditDistance
{
    /// <summary>
    /// The number of insertions, deletions, substitutions and swaps of adjacent letters that turn
    /// <paramref name="a"/> into <paramref name="b"/>, or null when it is larger than <paramref name="bound"/>:
    /// no number stands for "too far", so a caller cannot mistake it for a distance.
    /// </summary>
    public static int? Bounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int bound)
    {
        if (Math.Abs(a.Length - b.Length) > bound)
        {
            return null;
        }

        if (b.Length > 64 || a.Length > 64)
        {
            return a.SequenceEqual(b) ? 0 : null;
        }

        Span<int> beforePrevious = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, beforePrevious[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > bound)
            {
                return null;
            }

            var recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length] <= bound ? previous[b.Length] : null;
    }
}
