using SefData.Api.GraphQL.Aggregates;

namespace SefData.Api.Tests.Aggregates;

/// <summary>The suppression rule on its own, over random tables with margins (no database involved).</summary>
public sealed class SuppressionTests
{
    [Fact]
    public void One_small_cell_in_a_row_pulls_in_the_next_smallest()
    {
        var cells = new[] { new Cell(40), new Cell(3), new Cell(12), new Cell(20) };
        var total = new Cell(75);
        Suppression.Apply(cells, [new SumConstraint(total, cells)], 5);
        Assert.Equal([false, true, true, false], cells.Select(c => c.Suppressed));
        Assert.False(total.Suppressed);
        Assert.Equal([40, null, null, 20], cells.Select(c => c.Shown));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void No_equation_of_a_table_with_margins_has_a_single_unknown(int seed)
    {
        var random = new Random(seed);
        var rows = random.Next(2, 8);
        var grid = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, 4).Select(_ => new Cell(random.Next(0, 30))).ToArray()).ToArray();
        var rowTotals = grid.Select(r => new Cell(r.Sum(c => c.Value))).ToArray();
        var colTotals = Enumerable.Range(0, 4).Select(j => new Cell(grid.Sum(r => r[j].Value))).ToArray();
        var grand = new Cell(rowTotals.Sum(c => c.Value));
        var constraints = grid.Select((r, i) => new SumConstraint(rowTotals[i], r))
            .Concat(Enumerable.Range(0, 4).Select(j => new SumConstraint(colTotals[j], grid.Select(r => r[j]).ToList())))
            .Append(new SumConstraint(grand, colTotals)).Append(new SumConstraint(grand, rowTotals)).ToList();
        Suppression.Apply(grid.SelectMany(r => r).Concat(colTotals), constraints, 5);
        foreach (var k in constraints)
            Assert.NotEqual(1, (k.Total.Suppressed ? 1 : 0) + k.Parts.Count(p => p.Suppressed));
        Assert.All(grid.SelectMany(r => r).Where(c => c.Value < 5), c => Assert.True(c.Suppressed));
        Assert.All(grid.SelectMany(r => r).Where(c => !c.Suppressed), c => Assert.Equal(c.Value, c.Shown));
    }

    [Fact]
    public void Percentages_need_both_count_and_total()
    {
        Assert.Equal(25.0, Suppression.Percent(new Cell(5), new Cell(20)));
        Assert.Null(Suppression.Percent(new Cell(5) { Suppressed = true }, new Cell(20)));
        Assert.Null(Suppression.Percent(new Cell(5), new Cell(20) { Suppressed = true }));
    }
}
