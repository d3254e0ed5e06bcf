using System.Globalization;
using System.Text.Json;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals.Events;
using LegalAidReferral.Core.Review;

namespace LegalAidReferral.Standalone.Demo;

/// <summary>
/// <c>synth-events [--referrals N] [--months M] [--seed S]</c>: writes a synthetic protocol-event stream
/// to standard output, one JSON object per line (<c>{"synthetic":true,"schemaVersion":1,"event":{...}}</c>),
/// the referrals sent over the last M months, in the order the events occurred. Every line says it is
/// synthetic, and every pseudonym starts with <c>synthetic-</c>.
/// </summary>
public static class SynthEventsCommand
{
    public const string Verb = "synth-events";

    private static readonly Dictionary<string, (int Default, int Min, int Max)> Options = new(StringComparer.Ordinal)
    {
        ["--referrals"] = (1000, 1, 1_000_000),
        ["--months"] = (12, 1, 60),
        ["--seed"] = (1, int.MinValue, int.MaxValue),
    };

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var values = Options.ToDictionary(o => o.Key, o => o.Value.Default, StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!Options.TryGetValue(args[i], out var option) || i + 1 >= args.Count
                || !int.TryParse(args[i + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < option.Min || value > option.Max)
            {
                error.WriteLine(
                    $"Usage: {Verb} [--referrals 1..1000000 (default 1000)] [--months 1..60 (default 12)] [--seed <integer> (default 1)]");
                return 2;
            }

            values[args[i]] = value;
        }

        var now = clock.GetUtcNow();
        var start = now.AddMonths(-values["--months"]);
        var events = new SyntheticProtocolEvents(values["--seed"]).Generate(values["--referrals"], start, now - start, now);
        foreach (var e in events)
        {
            output.WriteLine(JsonSerializer.Serialize(new Line(true, ProtocolEvent.SchemaVersion, e), WireJson.Options));
        }

        return 0;
    }

    private sealed record Line(bool Synthetic, int SchemaVersion, ProtocolEvent Event);
}
