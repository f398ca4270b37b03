using SefData.Domain;

namespace SefData.Api.GraphQL.Accountability;

public enum RagStatus { Green, Amber, Red, NoData }

/// <summary>Where a target's status comes from: the year's actual value, a projection, or nothing.</summary>
public enum TargetBasis { Actual, Projected, None }

/// <summary>One yearly target of an outcome-agreement measure, judged against the LA's actual or projected value.</summary>
public sealed record OaTargetStatus(OaMeasure Measure, string Year, decimal Target, decimal? Actual, decimal? Projected, TargetBasis Basis, RagStatus Status,
    bool HigherIsBetter = true)
{
    /// <summary>A projected (not yet known) value that misses the target: the LA user story 3 alert.</summary>
    public bool HeadingToMiss => Basis == TargetBasis.Projected && Status is RagStatus.Amber or RagStatus.Red;

    /// <summary>Why the status is what it is, in words (shown with alerts).</summary>
    public string Reason
    {
        get
        {
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            if (Basis == TargetBasis.None)
                return Measure.MeasureCode is null
                    ? string.Create(ci, $"{Year}: the measure is not linked to a catalogue measure, so there is no value to judge against the target {Target}.")
                    : string.Create(ci, $"{Year}: no actual {Measure.MeasureCode} value for the LA and nothing to project from.");
            var value = (Actual ?? Projected)!.Value;
            var kind = Basis == TargetBasis.Actual ? "actual" : "projected";
            if (Status == RagStatus.Green)
                return string.Create(ci, $"{Year}: {kind} {value} meets the target {Target}.");
            var shortfall = HigherIsBetter ? Target - value : value - Target;
            var share = Target == 0 ? 0 : Math.Round(100 * shortfall / Math.Abs(Target), 1);
            return string.Create(ci,
                $"{Year}: {kind} {value} misses the target {Target} by {shortfall} ({share}% of the target; {(Status == RagStatus.Amber ? "within" : "more than")} the {TargetRag.AmberTolerance * 100:0}% amber tolerance).");
        }
    }
}

/// <summary>
/// The RAG rule for outcome-agreement targets (documented in README.md "Targets and RAG"):
/// <list type="bullet">
/// <item>GREEN: the value meets the target (at or above it when higher is better, at or below otherwise).</item>
/// <item>AMBER: it misses by no more than <see cref="AmberTolerance"/> (2%) of the target.</item>
/// <item>RED: it misses by more.</item>
/// <item>The value is the year's actual (the LA's own measure value, all pupils) when that year is known at
/// <c>asOf</c>; otherwise a projection: the last known actual plus the latest yearly change (last two known points,
/// the agreement's baseline counting as the year before its first target year) per year ahead; flat when only one
/// point is known. <c>asOf</c> defaults to the latest year with an actual; a year up to <c>asOf</c> without an actual,
/// or any year when no actual is known, is NO_DATA.</item>
/// </list>
/// </summary>
public static class TargetRag
{
    public const decimal AmberTolerance = 0.02m;

    public static RagStatus Judge(decimal value, decimal target, bool higherIsBetter)
    {
        var shortfall = higherIsBetter ? target - value : value - target;
        if (shortfall <= 0) return RagStatus.Green;
        return shortfall <= AmberTolerance * Math.Abs(target) ? RagStatus.Amber : RagStatus.Red;
    }

    /// <param name="actuals">The LA's actual values by academic year code.</param>
    /// <param name="asOf">Last year whose actuals count as known (null: all).</param>
    public static IReadOnlyList<OaTargetStatus> Evaluate(OaMeasure measure, IEnumerable<OaTarget> targets,
        IReadOnlyDictionary<string, decimal> actuals, bool higherIsBetter, string? asOf)
    {
        var ordered = targets.OrderBy(t => AcademicYears.StartYear(t.YearCode)).ToList();
        // Default asOf: the latest year with an actual. Years up to asOf without an actual are unknown (NO_DATA), not projected.
        var asOfYear = asOf is not null ? AcademicYears.StartYear(asOf)
            : actuals.Count > 0 ? actuals.Keys.Max(AcademicYears.StartYear) : int.MinValue;
        var known = actuals.Select(a => (Year: AcademicYears.StartYear(a.Key), a.Value))
            .Where(a => a.Year <= asOfYear).OrderBy(a => a.Year).ToList();
        var points = new List<(int Year, decimal Value)>(known);
        if (measure.Baseline is { } baseline && ordered.Count > 0)
        {
            var baseYear = AcademicYears.StartYear(ordered[0].YearCode) - 1;
            if (points.All(p => p.Year != baseYear)) points.Add((baseYear, baseline));
            points.Sort((a, b) => a.Year.CompareTo(b.Year));
        }

        var result = new List<OaTargetStatus>(ordered.Count);
        foreach (var t in ordered)
        {
            var year = AcademicYears.StartYear(t.YearCode);
            decimal? actual = year <= asOfYear && actuals.TryGetValue(t.YearCode, out var a) ? a : null;
            if (actual is { } v)
            {
                result.Add(new(measure, t.YearCode, t.Value, v, null, TargetBasis.Actual, Judge(v, t.Value, higherIsBetter), higherIsBetter));
                continue;
            }
            var projected = known.Count == 0 || year <= asOfYear ? null : Project(points.Where(p => p.Year < year).ToList(), year);
            result.Add(projected is { } p
                ? new(measure, t.YearCode, t.Value, null, p, TargetBasis.Projected, Judge(p, t.Value, higherIsBetter), higherIsBetter)
                : new(measure, t.YearCode, t.Value, null, null, TargetBasis.None, RagStatus.NoData, higherIsBetter));
        }
        return result;
    }

    private static decimal? Project(List<(int Year, decimal Value)> before, int year)
    {
        if (before.Count == 0) return null;
        var last = before[^1];
        if (before.Count == 1) return last.Value;
        var prev = before[^2];
        var slope = (last.Value - prev.Value) / (last.Year - prev.Year);
        return Math.Round(last.Value + slope * (year - last.Year), 1);
    }
}
