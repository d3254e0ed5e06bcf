using System.Globalization;
using LegalAidReferral.WebConsole.Localisation;
using Microsoft.Extensions.Localization;

namespace LegalAidReferral.WebConsole.Pages.Review;

public enum FigureFormat
{
    Count,
    Share,
    Hours,
}

public enum FigureState
{
    Shown,

    /// <summary>Left out by the API's small-cell suppression: never shown as zero.</summary>
    Suppressed,

    /// <summary>A share or a time with no step to measure (its count is zero).</summary>
    Nothing,
}

/// <summary>One indicator value as the page shows it: the number, or why there is none.</summary>
public readonly record struct ReviewFigure(double? Value, FigureState State, FigureFormat Format)
{
    /// <summary>
    /// A null count is suppressed; a null share or time is suppressed unless the count it is measured
    /// on is zero (then there is nothing to measure).
    /// </summary>
    public static ReviewFigure Of(double? value, FigureFormat format, long? basis = null) =>
        value is not null ? new(value, FigureState.Shown, format)
        : format != FigureFormat.Count && basis == 0 ? new(null, FigureState.Nothing, format)
        : new(null, FigureState.Suppressed, format);

    /// <summary>The value in the user's language: a count, a percentage, hours; a suppressed value says so.</summary>
    public string Text(IStringLocalizer<Texts> l) => State switch
    {
        FigureState.Suppressed => l["Review.Suppressed"],
        FigureState.Nothing => l["Review.Nothing"],
        _ => Format switch
        {
            FigureFormat.Share => Value!.Value.ToString("P1", CultureInfo.CurrentCulture),
            FigureFormat.Hours => string.Format(CultureInfo.CurrentCulture, l["Review.Hours"], Value!.Value.ToString("0.#", CultureInfo.CurrentCulture)),
            _ => Value!.Value.ToString("N0", CultureInfo.CurrentCulture),
        },
    };

    /// <summary>The value as the chart and the tests read it: invariant, or the state's name.</summary>
    public string Data => State == FigureState.Shown ? Value!.Value.ToString(CultureInfo.InvariantCulture) : State.ToString().ToLowerInvariant();
}
