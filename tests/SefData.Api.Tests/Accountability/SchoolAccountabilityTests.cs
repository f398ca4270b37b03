using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Domain;

namespace SefData.Api.Tests.Accountability;

/// <summary>Categorisation history and series gaps, framework-typed inspections, measures and value-added.</summary>
public abstract class SchoolAccountabilityTests(ApiHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("2013/14", "NOT_STARTED")]
    [InlineData("2020/21", "SUSPENDED")]
    [InlineData("2022/23", "ENDED")]
    [InlineData("2018/19", null)]
    public async Task Categorisation_for_a_year_or_the_reason_there_is_none(string year, string? reason)
    {
        await using var db = host.NewDbContext();
        var result = await db.CategorisationResults.Include(c => c.School).Where(c => c.YearCode == "2018/19").OrderBy(c => c.Id).FirstAsync(Ct);
        using var json = await host.PostGraphQLAsync("""
            query($n: String!, $y: AcademicYear!) {
              school(schoolNumber: $n) {
                categorisation(year: $y) {
                  __typename
                  ... on SeriesUnavailable { series reason message }
                  ... on CategorisationResult { year supportColour improvementCapacity standardsGroup stage version }
                }
                categorisations { year supportColour }
              }
            }
            """, new { n = result.School!.SchoolNumber, y = year });
        var school = GraphQLAssert.NoErrors(json).P("school");
        var c = school.P("categorisation");
        if (reason is not null)
        {
            Assert.Equal("SeriesUnavailable", c.Str("__typename"));
            Assert.Equal("CATEGORISATION", c.Str("series"));
            Assert.Equal(reason, c.Str("reason"));
            Assert.Contains(year, c.Str("message"));
        }
        else
        {
            Assert.Equal("CategorisationResult", c.Str("__typename"));
            Assert.Equal(result.SupportColour.Gql(), c.Str("supportColour"));
            Assert.Equal(result.ImprovementCapacity?.Gql(), c.Str("improvementCapacity"));
            Assert.Equal(result.StandardsGroup, c.P("standardsGroup").ValueKind == JsonValueKind.Null ? null : c.P("standardsGroup").GetInt32());
            Assert.Equal(result.Stage.Gql(), c.Str("stage"));
        }
        var history = await db.CategorisationResults.Where(x => x.SchoolId == result.SchoolId).OrderBy(x => x.YearCode)
            .Select(x => new { x.YearCode, x.SupportColour }).ToListAsync(Ct);
        Assert.Equal(history.Select(h => (h.YearCode, h.SupportColour.Gql())),
            school.Items("categorisations").Select(h => (h.Str("year")!, h.Str("supportColour")!)));
    }

    [Theory]
    [InlineData("CIF2010")]
    [InlineData("CIF2017")]
    [InlineData("UNGRADED2022")]
    public async Task Inspections_are_typed_by_framework(string framework)
    {
        await using var db = host.NewDbContext();
        var inspection = await db.Inspections.Include(i => i.School).Include(i => i.Judgements).Include(i => i.Recommendations)
            .Where(i => i.FrameworkCode == framework && i.SchoolId != null).OrderBy(i => i.Id).FirstOrDefaultAsync(Ct);
        Assert.NotNull(inspection);
        var all = await db.Inspections.Where(i => i.SchoolId == inspection!.SchoolId).OrderByDescending(i => i.StartDate).ThenByDescending(i => i.Id).Select(i => i.Id).ToListAsync(Ct);
        using var json = await host.PostGraphQLAsync("""
            query($n: String!) {
              school(schoolNumber: $n) {
                inspections {
                  __typename id startDate framework { code isGraded }
                  recommendations { sequence text }
                  ... on Cif2010Inspection { currentPerformance prospectsForImprovement keyQuestions { keyQuestion grade gradeLabel } }
                  ... on Cif2017Inspection { inspectionAreas { area grade gradeLabel } }
                  ... on UngradedInspection { gradesUnavailable { series reason } }
                }
              }
            }
            """, new { n = inspection!.School!.SchoolNumber });
        var items = GraphQLAssert.NoErrors(json).P("school").Items("inspections");
        Assert.Equal(all.Count, items.Count);
        var i = items[all.IndexOf(inspection.Id)];
        Assert.Equal(inspection.StartDate.ToString("yyyy-MM-dd"), i.Str("startDate"));
        Assert.Equal(framework, i.P("framework").Str("code"));
        Assert.Equal(inspection.Recommendations.OrderBy(r => r.Sequence).Select(r => r.Text), i.Items("recommendations").Select(r => r.Str("text")!));
        string Grade(string area) => inspection.Judgements.Single(j => j.AreaCode == area).GradeCode;
        switch (framework)
        {
            case "CIF2010":
                Assert.Equal("Cif2010Inspection", i.Str("__typename"));
                Assert.Equal(Grade("CURRENT_PERFORMANCE"), i.Str("currentPerformance"));
                Assert.Equal(Grade("PROSPECTS"), i.Str("prospectsForImprovement"));
                Assert.Equal(new[] { "KQ1", "KQ2", "KQ3" }.Select(k => (k, Grade(k))), i.Items("keyQuestions").Select(k => (k.Str("keyQuestion")!, k.Str("grade")!)));
                break;
            case "CIF2017":
                Assert.Equal("Cif2017Inspection", i.Str("__typename"));
                var areas = new[] { "STANDARDS", "WELLBEING_AND_ATTITUDES_TO_LEARNING", "TEACHING_AND_LEARNING_EXPERIENCES", "CARE_SUPPORT_AND_GUIDANCE", "LEADERSHIP_AND_MANAGEMENT" };
                var wording = new Dictionary<string, string> { ["ADEQUATE_NEEDS_IMPROVEMENT"] = "ADEQUATE_AND_NEEDS_IMPROVEMENT", ["UNSATISFACTORY_URGENT"] = "UNSATISFACTORY_AND_NEEDS_URGENT_IMPROVEMENT" };
                var expected = Enumerable.Range(1, 5).Select(k => (areas[k - 1], wording.GetValueOrDefault(Grade("IA" + k), Grade("IA" + k))));
                Assert.Equal(expected, i.Items("inspectionAreas").Select(a => (a.Str("area")!, a.Str("grade")!)));
                break;
            default:
                Assert.Equal("UngradedInspection", i.Str("__typename"));
                Assert.Equal("ENDED", i.P("gradesUnavailable").Str("reason"));
                Assert.False(i.P("framework").P("isGraded").GetBoolean());
                break;
        }
    }

    [Fact]
    public async Task Measures_carry_value_added_and_confidence_intervals()
    {
        await using var db = host.NewDbContext();
        var row = await db.MeasureValues.Include(v => v.School).Where(v => v.Subject == MeasureSubject.School && v.Estimate != null && v.MeasureCode == "CAPPED9")
            .OrderBy(v => v.Id).FirstAsync(Ct);
        var sameKey = await db.MeasureValues.Where(v => v.SchoolId == row.SchoolId && v.MeasureCode == row.MeasureCode && v.YearCode == row.YearCode)
            .OrderBy(v => v.Subgroup).Select(v => new { v.Subgroup, v.Value, v.Estimate, v.CiLow, v.CiHigh, v.CohortSize }).ToListAsync(Ct);
        using var json = await host.PostGraphQLAsync("""
            query($n: String!, $m: String!, $y: AcademicYear!) {
              school(schoolNumber: $n) {
                measures(measure: $m, year: $y) { measure { code higherIsBetter } subgroup cohortSize value estimate valueAdded ciLow ciHigh valueAddedSignificance }
              }
            }
            """, new { n = row.School!.SchoolNumber, m = row.MeasureCode, y = row.YearCode });
        var items = GraphQLAssert.NoErrors(json).P("school").Items("measures");
        Assert.Equal(sameKey.Count, items.Count);
        foreach (var e in sameKey)
        {
            var i = items.Single(x => x.Str("subgroup") == e.Subgroup.Gql());
            Assert.Equal(e.Value, i.Dec("value"));
            Assert.Equal(e.Estimate, i.Dec("estimate"));
            Assert.Equal(e.Value - e.Estimate, i.Dec("valueAdded"));
            Assert.Equal(e.CohortSize, i.P("cohortSize").GetInt32());
            var expected = e.CiLow > e.Estimate ? "ABOVE_ESTIMATE" : e.CiHigh < e.Estimate ? "BELOW_ESTIMATE" : "NOT_SIGNIFICANT";
            Assert.Equal(expected, i.Str("valueAddedSignificance"));
        }
    }
}

public sealed class SchoolAccountabilityTestsSqlite(SqliteApiHost host) : SchoolAccountabilityTests(host);
public sealed class SchoolAccountabilityTestsPostgres(PostgresApiHost host) : SchoolAccountabilityTests(host);
