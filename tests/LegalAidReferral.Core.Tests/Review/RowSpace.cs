namespace LegalAidReferral.Core.Tests.Review;

/// <summary>
/// The tests' own elimination, apart from the code under test and exact where that one rounds:
/// equations with small integer coefficients over numbered unknowns, reduced modulo the prime
/// 2^31 - 1 as they are added (sparse, so reports of thousands of counts stay fast). An unknown is
/// fixed by the equations when its unit vector is in their row space: after reducing the unit vector
/// by every row, nothing is left. With coefficients this small, the rank modulo so large a prime is
/// the rational rank.
/// </summary>
internal sealed class RowSpace
{
    private const long Prime = 2_147_483_647;

    private readonly Dictionary<int, (int Unknown, long Coefficient)[]> rowByLead = [];

    /// <summary>Adds the equation sum(coefficient x unknown) = known value (the value does not matter for what it fixes).</summary>
    public void Add(IEnumerable<(int Unknown, int Coefficient)> equation)
    {
        var row = Reduced(equation);
        if (row.Count == 0)
        {
            return;
        }

        var lead = row.Keys.Min();
        var inverse = Power(row[lead], Prime - 2);
        rowByLead[lead] = [.. row.Select(t => (t.Key, t.Value * inverse % Prime))];
    }

    /// <summary>Whether the equations fix <paramref name="unknown"/>.</summary>
    public bool Fixes(int unknown) => Spans([(unknown, 1)]);

    /// <summary>Whether the equations fix the sum <paramref name="vector"/> (it is in their row space).</summary>
    public bool Spans(IEnumerable<(int Unknown, int Coefficient)> vector) => Reduced(vector).Count == 0;

    /// <summary>
    /// The vector less multiples of the rows, smallest unknown first: each row only holds unknowns
    /// from its lead on, so once an unknown is passed it never changes again.
    /// </summary>
    private Dictionary<int, long> Reduced(IEnumerable<(int Unknown, int Coefficient)> vector)
    {
        var rest = new Dictionary<int, long>();
        var next = new PriorityQueue<int, int>();
        foreach (var (unknown, coefficient) in vector)
        {
            rest[unknown] = (rest.GetValueOrDefault(unknown) + coefficient + Prime) % Prime;
            next.Enqueue(unknown, unknown);
        }

        var passed = int.MinValue;
        while (next.TryDequeue(out var lead, out _))
        {
            if (lead <= passed)
            {
                continue;
            }

            passed = lead;
            if (rest.GetValueOrDefault(lead) is var factor and not 0 && rowByLead.TryGetValue(lead, out var row))
            {
                foreach (var (unknown, value) in row)
                {
                    rest[unknown] = ((rest.GetValueOrDefault(unknown) - (factor * value % Prime)) % Prime + Prime) % Prime;
                    next.Enqueue(unknown, unknown);
                }
            }
        }

        foreach (var zero in rest.Where(t => t.Value == 0).Select(t => t.Key).ToArray())
        {
            rest.Remove(zero);
        }

        return rest;
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
