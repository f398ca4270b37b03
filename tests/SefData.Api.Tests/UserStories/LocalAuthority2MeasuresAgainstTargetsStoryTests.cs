using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Domain;

namespace SefData.Api.Tests.UserStories;

/// <summary>
/// LA user story 2 (DOMAIN.md section 5): "Query school-attainment measures against targets, plus the LA's amber/red
/// schools and schools in follow-up." One request answers it for a year; every expected value is read with EF.
/// </summary>
public abstract class LocalAuthority2MeasuresAgainstTargetsStoryTests(ApiHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Year = "2015/16";
    private static readonly DateOnly AsOf = new(2016, 1, 31);

    private static string ExpectedRag(decimal value, decimal target) =>
        value >= target ? "GREEN" : target - value <= target * 0.02m ? "AMBER" : "RED";

    [Fact]
    public async Task The_LA_sees_attainment_against_targets_its_amber_and_red_schools_and_schools_in_follow_up()
    {
        await using var db = host.NewDbContext();
        // The LA with most amber/red schools that year that also has a school in follow-up (so no list is trivially empty).
        var amberRedRows = await db.CategorisationResults
            .Where(c => c.YearCode == Year && (c.SupportColour == SupportColour.Amber || c.SupportColour == SupportColour.Red))
            .Select(c => new { c.School!.LaCode, c.School.SchoolNumber, c.SchoolId, c.SupportColour }).ToListAsync(Ct);
        var followUpRows = (await db.FollowUps.Where(f => f.Category != FollowUpCategory.None && f.Inspection!.SchoolId != null)
                .Select(f => new { f.Inspection!.School!.LaCode, f.Inspection.School.SchoolNumber, f.StartDate, f.RemovedDate, f.Category }).ToListAsync(Ct))
            .Where(f => f.StartDate <= AsOf && (f.RemovedDate is null || f.RemovedDate > AsOf)).ToList();
        var la = amberRedRows.GroupBy(r => r.LaCode).Where(g => followUpRows.Any(f => f.LaCode == g.Key))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

        var amberRed = amberRedRows.Where(r => r.LaCode == la).OrderBy(r => r.SchoolNumber, StringComparer.Ordinal).ToList();
        var schoolIds = amberRed.Select(r => (int?)r.SchoolId).ToList();
        var schoolAttainment = await db.MeasureValues
            .Where(v => v.Subject == MeasureSubject.School && v.MeasureCode == "L2_INCL" && v.YearCode == Year && v.Subgroup == Subgroup.All && schoolIds.Contains(v.SchoolId))
            .ToDictionaryAsync(v => v.SchoolId!.Value, v => v.Value, Ct);
        var inFollowUp = followUpRows.Where(f => f.LaCode == la).Select(f => f.SchoolNumber).Distinct().Order(StringComparer.Ordinal).ToList();
        var laActuals = await db.MeasureValues.Where(v => v.Subject == MeasureSubject.LocalAuthority && v.LaCode == la && v.MeasureCode == "L2_INCL" && v.Subgroup == Subgroup.All)
            .ToDictionaryAsync(v => v.YearCode, v => v.Value, Ct);
        var targets = await db.OaTargets.Where(t => t.OaMeasure!.MeasureCode == "L2_INCL" && t.OaMeasure.Outcome!.Agreement!.LaCode == la)
            .OrderBy(t => t.OaMeasure!.Outcome!.Agreement!.PeriodStart).ThenBy(t => t.YearCode)
            .Select(t => new { t.YearCode, t.Value }).ToListAsync(Ct);
        Assert.NotEmpty(amberRed);
        Assert.NotEmpty(inFollowUp);
        Assert.NotEmpty(targets);
        Assert.Contains(amberRed, r => schoolAttainment.ContainsKey(r.SchoolId));

        using var json = await host.PostGraphQLAsync("""
            query($la: String!, $year: AcademicYear!, $asOf: Date!) {
              localAuthority(laCode: $la) {
                measures(measure: "L2_INCL", subgroup: ALL) { year value }
                outcomeAgreements { outcomes { measures { measureCode targets { year target actual basis status reason } } } }
              }
              amberRed: schools(first: 500, where: { laCode: { eq: $la }, colour: { year: $year, in: [AMBER, RED] } }, order: [{ schoolNumber: ASC }]) {
                nodes { schoolNumber categorisation(year: $year) { ... on CategorisationResult { supportColour } }
                        measures(measure: "L2_INCL", year: $year, subgroup: ALL) { value } }
              }
              inFollowUp: schools(first: 500, where: { laCode: { eq: $la }, followUp: { asOf: $asOf } }, order: [{ schoolNumber: ASC }]) {
                nodes { schoolNumber currentFollowUp(asOf: $asOf) { category } }
              }
            }
            """, new { la, year = Year, asOf = AsOf.ToString("O") });
        var data = GraphQLAssert.NoErrors(json);

        // The LA's attainment by year, then each agreement target judged against it.
        var l = data.P("localAuthority");
        Assert.Equal(laActuals.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => (a.Key, a.Value)),
            l.Items("measures").Select(m => (m.Str("year")!, m.Dec("value")!.Value)));
        var apiTargets = l.Items("outcomeAgreements").SelectMany(a => a.Items("outcomes")).SelectMany(o => o.Items("measures"))
            .Where(m => m.Str("measureCode") == "L2_INCL").SelectMany(m => m.Items("targets")).ToList();
        Assert.Equal(targets.Select(t => (t.YearCode, t.Value)), apiTargets.Select(t => (t.Str("year")!, t.Dec("target")!.Value)));
        foreach (var t in apiTargets)
        {
            var year = t.Str("year")!;
            // Every target year is before the latest actual, so nothing is projected: a year without an actual is NO_DATA.
            if (laActuals.TryGetValue(year, out var actual))
            {
                Assert.Equal((actual, "ACTUAL", ExpectedRag(actual, t.Dec("target")!.Value)), (t.Dec("actual")!.Value, t.Str("basis")!, t.Str("status")!));
                Assert.StartsWith(year + ": actual ", t.Str("reason"), StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal((null, "NONE", "NO_DATA"), (t.Dec("actual"), t.Str("basis")!, t.Str("status")!));
                Assert.StartsWith(year + ": no actual L2_INCL value", t.Str("reason"), StringComparison.Ordinal);
            }
        }
        Assert.Contains(apiTargets, t => t.Str("basis") == "ACTUAL");
        Assert.True(apiTargets.Select(t => t.Str("status")).Distinct().Count() > 1, "the LA's targets should not all have the same status");

        // Amber and red schools, each with its colour and its own attainment that year (none for schools without KS4).
        var schools = data.P("amberRed").Items("nodes");
        Assert.Equal(amberRed.Select(r => (r.SchoolNumber, r.SupportColour.Gql())),
            schools.Select(s => (s.Str("schoolNumber")!, s.P("categorisation").Str("supportColour")!)));
        foreach (var (row, node) in amberRed.Zip(schools))
        {
            var values = node.Items("measures").Select(m => m.Dec("value")!.Value).ToList();
            Assert.Equal(schoolAttainment.TryGetValue(row.SchoolId, out var v) ? new[] { v } : [], values);
        }

        // Schools in Estyn follow-up on the date.
        var followUps = data.P("inFollowUp").Items("nodes");
        Assert.Equal(inFollowUp, followUps.Select(s => s.Str("schoolNumber")!));
        foreach (var s in followUps)
            Assert.Contains(followUpRows, f => f.SchoolNumber == s.Str("schoolNumber") && f.Category.Gql() == s.P("currentFollowUp").Str("category"));
    }
}

public sealed class LocalAuthority2MeasuresAgainstTargetsStoryTestsSqlite(SqliteApiHost host) : LocalAuthority2MeasuresAgainstTargetsStoryTests(host);
public sealed class LocalAuthority2MeasuresAgainstTargetsStoryTestsPostgres(PostgresApiHost host) : LocalAuthority2MeasuresAgainstTargetsStoryTests(host);
