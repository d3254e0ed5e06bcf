namespace LegalAidReferral.Core.Review;

/// <summary>
/// The span of 0/1 vectors over <c>size</c> unknowns, exactly: rows in echelon form modulo the prime
/// 2^31 - 1, each kept sparse under its lead (its smallest unknown). With coefficients this small the
/// rank modulo so large a prime is the rational rank. A vector is reduced in a dense scratch row,
/// scanned once from its smallest unknown up, since a row only holds unknowns from its lead on.
/// </summary>
internal sealed class ModularSpace(int size)
{
    private const long Prime = 2_147_483_647;

    private readonly Dictionary<int, (int[] Unknowns, long[] Values)> rowByLead = [];
    private readonly long[] scratch = new long[size];

    /// <summary>Adds the vector with a 1 at each of <paramref name="unknowns"/>.</summary>
    public void Add(IEnumerable<int> unknowns)
    {
        if (rowByLead.Count == size)
        {
            return;
        }

        var (rest, values) = Reduced(unknowns);
        if (rest.Length == 0)
        {
            return;
        }

        var inverse = Power(values[0], Prime - 2);
        rowByLead[rest[0]] = (rest, values.Select(v => v * inverse % Prime).ToArray());
    }

    /// <summary>Whether the vector with a 1 at each of <paramref name="unknowns"/> is in the span.</summary>
    public bool Spans(IEnumerable<int> unknowns) => rowByLead.Count == size || Reduced(unknowns).Unknowns.Length == 0;

    private (int[] Unknowns, long[] Values) Reduced(IEnumerable<int> unknowns)
    {
        int low = size, high = -1;
        foreach (var u in unknowns)
        {
            scratch[u] = (scratch[u] + 1) % Prime;
            low = Math.Min(low, u);
            high = Math.Max(high, u);
        }

        var rest = new List<int>();
        for (var i = low; i <= high; i++)
        {
            if (scratch[i] == 0)
            {
                continue;
            }

            if (rowByLead.TryGetValue(i, out var row))
            {
                var factor = scratch[i];
                for (var j = 0; j < row.Unknowns.Length; j++)
                {
                    var at = row.Unknowns[j];
                    scratch[at] = (scratch[at] - (factor * row.Values[j] % Prime) + Prime) % Prime;
                    high = Math.Max(high, at);
                }
            }

            if (scratch[i] != 0)
            {
                rest.Add(i);
            }
        }

        var values = rest.Select(i => scratch[i]).ToArray();
        for (var i = Math.Max(low, 0); i <= high; i++)
        {
            scratch[i] = 0;
        }

        return ([.. rest], values);
    }

    private static long Power(long value, long exponent)
    {
        var result = 1L;
        for (value %= Prime; exponent > 0; exponent >>= 1, value = value * value % Prime)
        {
            result = (exponent & 1) == 1 ? result * value % Prime : result;
        }

        return result;
    }
}
