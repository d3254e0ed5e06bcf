using System.Globalization;

namespace LegalAidReferral.ConsoleMeasure;

/// <summary>Samples of one figure (milliseconds or bytes): printed as median, best and worst with every sample.</summary>
public sealed class Figures(string name, string unit)
{
    private readonly List<double> _samples = [];

    public string Name { get; } = name;

    public void Add(double sample) => _samples.Add(sample);

    public double Median
    {
        get
        {
            var sorted = _samples.Order().ToArray();
            return sorted.Length == 0 ? double.NaN
                : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
                : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    public override string ToString() =>
        _samples.Count == 0
            ? $"{Name}: no samples"
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{Name}: median {Median:N0} {unit}, best {_samples.Min():N0}, worst {_samples.Max():N0} ({_samples.Count} samples: {string.Join(", ", _samples.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))})");
}
