using Microsoft.Extensions.Configuration;

namespace SefData.Api.GraphQL.Aggregates;

/// <summary>A count in a published table; <see cref="Suppressed"/> hides it (it is then published as null).</summary>
public sealed class Cell(int value)
{
    public int Value { get; } = value;
    public bool Suppressed { get; set; }
    public int? Shown => Suppressed ? null : Value;
}

/// <summary>One additive equation the published table satisfies: <c>Total = sum(Parts)</c>.</summary>
public sealed record SumConstraint(Cell Total, IReadOnlyList<Cell> Parts);

/// <summary>
/// Small-cell suppression (API-CONVENTIONS.md "Roll-ups"). The rule, applied to every roll-up table:
/// <list type="number">
/// <item>Primary: every count below the threshold (zero included) is suppressed.</item>
/// <item>Secondary: for every published equation "total = sum of parts" (rows, columns and margins of the table),
/// the number of suppressed members must never be exactly one, because a single unknown in an equation can be
/// recovered by subtraction. While some equation has exactly one, the smallest still-published part of that
/// equation is suppressed too (ties: first in table order); when no part is left, the total is. This repeats
/// until no equation has exactly one suppressed member (it terminates: suppression only grows).</item>
/// <item>Percentages are published only when both the count and its total are (a percentage and a published count
/// would otherwise reveal a suppressed total).</item>
/// </list>
/// </summary>
public static class Suppression
{
    public const string ThresholdKey = "Aggregates:SuppressionThreshold";
    public const int DefaultThreshold = 5;

    /// <summary>The configured threshold (<c>Aggregates:SuppressionThreshold</c>, default 5).</summary>
    public static int Threshold(IServiceProvider services) =>
        (services.GetService(typeof(IConfiguration)) as IConfiguration)?.GetValue<int?>(ThresholdKey) ?? DefaultThreshold;

    public static void Apply(IEnumerable<Cell> cells, IReadOnlyList<SumConstraint> constraints, int threshold)
    {
        foreach (var c in cells) if (c.Value < threshold) c.Suppressed = true;
        foreach (var k in constraints) if (k.Total.Value < threshold) k.Total.Suppressed = true;
        bool changed;
        do
        {
            changed = false;
            foreach (var k in constraints)
            {
                if (k.Parts.Count == 0) continue;
                var hidden = (k.Total.Suppressed ? 1 : 0) + k.Parts.Count(p => p.Suppressed);
                if (hidden != 1) continue;
                var next = k.Parts.Where(p => !p.Suppressed).OrderBy(p => p.Value).FirstOrDefault();
                if (next is not null) next.Suppressed = true;
                else k.Total.Suppressed = true;
                changed = true;
            }
        } while (changed);
    }

    /// <summary>Percentage of the total (1 decimal), published only when the count and the total both are.</summary>
    public static double? Percent(Cell part, Cell total) =>
        part.Suppressed || total.Suppressed || total.Value == 0 ? null : Math.Round(100.0 * part.Value / total.Value, 1);
}
