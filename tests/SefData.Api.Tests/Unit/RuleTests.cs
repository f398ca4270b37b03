using SefData.Api.GraphQL.Accountability;
using SefData.Api.GraphQL.Core;
using SefData.Domain;

namespace SefData.Api.Tests.Unit;

/// <summary>The pure rules behind API fields (no host).</summary>
public sealed class RuleTests
{
    [Theory]
    [InlineData(60.0, 60.0, true, RagStatus.Green)]
    [InlineData(58.8, 60.0, true, RagStatus.Amber)]   // short by exactly 2% of 60
    [InlineData(58.7, 60.0, true, RagStatus.Red)]
    [InlineData(61.2, 60.0, false, RagStatus.Amber)]  // lower is better: 1.2 over a target of 60
    [InlineData(59.0, 60.0, false, RagStatus.Green)]
    public void Rag_rule(double value, double target, bool higherIsBetter, RagStatus expected) =>
        Assert.Equal(expected, TargetRag.Judge((decimal)value, (decimal)target, higherIsBetter));

    [Fact]
    public void Targets_use_actuals_up_to_asOf_and_project_later_years_from_the_last_two_points()
    {
        var measure = new OaMeasure { Id = 1, Baseline = 50m };
        var targets = new[] { ("2013/14", 51m), ("2014/15", 53m), ("2015/16", 60m) }.Select(t => new OaTarget { YearCode = t.Item1, Value = t.Item2 });
        var actuals = new Dictionary<string, decimal> { ["2012/13"] = 50.5m, ["2013/14"] = 52m, ["2014/15"] = 99m };
        var s = TargetRag.Evaluate(measure, targets, actuals, higherIsBetter: true, asOf: "2013/14");
        Assert.Equal((TargetBasis.Actual, 52m, RagStatus.Green), (s[0].Basis, s[0].Actual!.Value, s[0].Status));
        // 52 + (52 - 50.5) per year: 53.5 for 2014/15 (met), 55.0 for 2015/16 (short of 60 by more than 2%).
        Assert.Equal((TargetBasis.Projected, 53.5m, RagStatus.Green, false), (s[1].Basis, s[1].Projected!.Value, s[1].Status, s[1].HeadingToMiss));
        Assert.Equal((TargetBasis.Projected, 55.0m, RagStatus.Red, true), (s[2].Basis, s[2].Projected!.Value, s[2].Status, s[2].HeadingToMiss));
    }

    [Fact]
    public void Targets_without_any_actual_have_no_data()
    {
        var s = TargetRag.Evaluate(new OaMeasure { Baseline = 10m }, [new OaTarget { YearCode = "2011/12", Value = 11m }], new Dictionary<string, decimal>(), true, null);
        Assert.Equal((TargetBasis.None, RagStatus.NoData), (s[0].Basis, s[0].Status));
    }

    [Theory]
    [InlineData("2014/15", null)]
    [InlineData("2019/20", null)]
    [InlineData("2013/14", SeriesUnavailableReason.NotStarted)]
    [InlineData("2020/21", SeriesUnavailableReason.Suspended)]
    [InlineData("2021/22", SeriesUnavailableReason.Ended)]
    public void Categorisation_series(string year, SeriesUnavailableReason? reason) =>
        Assert.Equal(reason, SeriesRules.Categorisation(year)?.Reason);

    [Theory]
    [InlineData("cy", "cy")]
    [InlineData("en-GB,en;q=0.9,cy;q=0.8", "en")]
    [InlineData("cy-GB;q=0.9,en;q=0.5", "cy")]
    [InlineData("en;q=0.4,cy;q=0.6", "cy")]
    [InlineData("cy;q=0", "en")]
    [InlineData("de", "en")]
    [InlineData("", "en")]
    public void Accept_language(string header, string expected) => Assert.Equal(expected, RequestLanguage.Parse(header));

    [Fact]
    public void Node_ids_are_base64url_of_type_and_key()
    {
        var id = NodeId.Encode("School", "6612001");
        Assert.Equal("School:6612001", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(id.Replace('-', '+').Replace('_', '/').PadRight((id.Length + 3) / 4 * 4, '='))));
        Assert.DoesNotContain('=', id);
        Assert.True(NodeId.TryDecode(id, out var type, out var key));
        Assert.Equal(("School", "6612001"), (type, key));
        Assert.False(NodeId.TryDecode("%%%", out _, out _));
        Assert.False(NodeId.TryDecode(NodeId.Encode("School", "").TrimEnd(), out _, out _));
    }
}
