using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Domain;

namespace SefData.Api.Tests.Accountability;

/// <summary>Local authority user stories 2-4 (DOMAIN.md section 5), answers computed independently with EF.</summary>
public abstract class LocalAuthorityStoryTests(ApiHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An LA with both amber/red schools and a school in follow-up on the date (so the assertions are not vacuous).</summary>
    private static async Task<string> BusyAuthorityAsync(SefData.Data.SefDataDbContext db, string year, DateOnly asOf) =>
        (await db.Schools
            .Where(s => s.Categorisations.Any(c => c.YearCode == year && (c.SupportColour == SupportColour.Amber || c.SupportColour == SupportColour.Red)))
            .Where(s => s.Inspections.Any(i => i.FollowUps.Any(f => f.Category != FollowUpCategory.None && f.StartDate <= asOf && (f.RemovedDate == null || f.RemovedDate > asOf))))
            .GroupBy(s => s.LaCode).Select(g => new { g.Key, N = g.Count() })
            .OrderByDescending(x => x.N).ThenBy(x => x.Key).FirstAsync(Ct)).Key;

    [Fact]
    public async Task Story2_attainment_against_targets_amber_red_schools_and_follow_ups()
    {
        const string year = "2018/19";
        var asOf = new DateOnly(2019, 1, 31);
        await using var db = host.NewDbContext();
        var la = await BusyAuthorityAsync(db, year, asOf);
        var amberRed = await db.CategorisationResults
            .Where(c => c.YearCode == year && c.School!.LaCode == la && (c.SupportColour == SupportColour.Amber || c.SupportColour == SupportColour.Red))
            .Select(c => c.School!.SchoolNumber).OrderBy(n => n).ToListAsync(Ct);
        var followUps = await db.FollowUps
            .Where(f => f.Category != FollowUpCategory.None && f.StartDate <= asOf && (f.RemovedDate == null || f.RemovedDate > asOf) && f.Inspection!.School!.LaCode == la)
            .Select(f => f.Inspection!.School!.SchoolNumber).Distinct().OrderBy(n => n).ToListAsync(Ct);
        var targets = await db.OaTargets.Where(t => t.OaMeasure!.MeasureCode == "L2_INCL" && t.OaMeasure.Outcome!.Agreement!.LaCode == la)
            .Select(t => new { t.YearCode, t.Value }).ToListAsync(Ct);
        var actuals = await db.MeasureValues.Where(v => v.Subject == MeasureSubject.LocalAuthority && v.LaCode == la && v.MeasureCode == "L2_INCL" && v.Subgroup == Subgroup.All)
            .ToDictionaryAsync(v => v.YearCode, v => v.Value, Ct);
        Assert.NotEmpty(amberRed);
        Assert.NotEmpty(followUps);
        Assert.NotEmpty(targets);

        using var json = await host.PostGraphQLAsync("""
            query($la: String!, $year: AcademicYear!, $asOf: Date!) {
              localAuthority(laCode: $la) {
                outcomeAgreements { outcomes { measures { measureCode targets { year target actual status basis } } } }
              }
              amberRed: schools(first: 500, where: { laCode: { eq: $la }, colour: { year: $year, in: [AMBER, RED] } }, order: [{ schoolNumber: ASC }]) {
                totalCount nodes { schoolNumber categorisation(year: $year) { ... on CategorisationResult { supportColour } } }
              }
              inFollowUp: schools(first: 500, where: { laCode: { eq: $la }, followUp: { asOf: $asOf } }, order: [{ schoolNumber: ASC }]) {
                nodes { schoolNumber currentFollowUp(asOf: $asOf) { category isStatutory } }
              }
            }
            """, new { la, year, asOf = "2019-01-31" });
        var data = GraphQLAssert.NoErrors(json);

        var schools = data.P("amberRed").Items("nodes");
        Assert.Equal(amberRed, schools.Select(s => s.Str("schoolNumber")!).ToList());
        Assert.Equal(amberRed.Count, data.P("amberRed").P("totalCount").GetInt32());
        Assert.All(schools, s => Assert.Contains(s.P("categorisation").Str("supportColour"), new[] { "AMBER", "RED" }));

        var inFollowUp = data.P("inFollowUp").Items("nodes");
        Assert.Equal(followUps, inFollowUp.Select(s => s.Str("schoolNumber")!).ToList());
        Assert.All(inFollowUp, s => Assert.NotEqual(JsonValueKind.Null, s.P("currentFollowUp").ValueKind));

        var apiTargets = data.P("localAuthority").Items("outcomeAgreements").SelectMany(a => a.Items("outcomes")).SelectMany(o => o.Items("measures"))
            .Where(m => m.Str("measureCode") == "L2_INCL").SelectMany(m => m.Items("targets")).ToList();
        Assert.Equal(targets.Count, apiTargets.Count);
        foreach (var t in apiTargets)
        {
            var y = t.Str("year")!;
            Assert.Equal(targets.Single(x => x.YearCode == y).Value, t.Dec("target"));
            if (actuals.TryGetValue(y, out var actual))
            {
                Assert.Equal(actual, t.Dec("actual"));
                Assert.Equal("ACTUAL", t.Str("basis"));
                Assert.Equal(ExpectedRag(actual, t.Dec("target")!.Value), t.Str("status"));
            }
        }
    }

    /// <summary>The documented rule, restated: met = GREEN; short by at most 2% of the target = AMBER; else RED (higher is better).</summary>
    private static string ExpectedRag(decimal value, decimal target) =>
        value >= target ? "GREEN" : target - value <= target * 0.02m ? "AMBER" : "RED";

    [Fact]
    public async Task Story3_measures_heading_to_miss_their_targets()
    {
        const string asOf = "2013/14";
        await using var db = host.NewDbContext();
        var las = await db.LocalAuthorities.OrderBy(l => l.LaCode).Select(l => l.LaCode).ToListAsync(Ct);
        var measures = await db.OaMeasures.Where(m => m.MeasureCode == "L2_INCL")
            .Select(m => new { m.Id, m.Baseline, La = m.Outcome!.Agreement!.LaCode, Targets = m.Targets.Select(t => new { t.YearCode, t.Value }).ToList() })
            .ToListAsync(Ct);
        var actuals = await db.MeasureValues.Where(v => v.Subject == MeasureSubject.LocalAuthority && v.MeasureCode == "L2_INCL" && v.Subgroup == Subgroup.All)
            .Select(v => new { v.LaCode, v.YearCode, v.Value }).ToListAsync(Ct);

        // Independent restatement of the projection: known actuals up to asOf plus the baseline (year before the first
        // target), the last two points give the yearly change, extended to the target year.
        var expected = new List<(string La, string Year, decimal Target, decimal Projected, string Status)>();
        foreach (var m in measures)
        {
            var first = m.Targets.Min(t => int.Parse(t.YearCode[..4]));
            var points = actuals.Where(a => a.LaCode == m.La && int.Parse(a.YearCode[..4]) <= 2013)
                .Select(a => (Year: int.Parse(a.YearCode[..4]), a.Value)).ToList();
            if (points.Count == 0) continue;
            if (m.Baseline is { } bl && points.All(p => p.Year != first - 1)) points.Add((first - 1, bl));
            foreach (var t in m.Targets.Where(t => int.Parse(t.YearCode[..4]) > 2013))
            {
                var y = int.Parse(t.YearCode[..4]);
                var before = points.Where(p => p.Year < y).OrderBy(p => p.Year).ToList();
                var last = before[^1];
                var projected = before.Count == 1 ? last.Value
                    : Math.Round(last.Value + (last.Value - before[^2].Value) / (last.Year - before[^2].Year) * (y - last.Year), 1);
                var status = ExpectedRag(projected, t.Value);
                if (status != "GREEN") expected.Add((m.La, t.YearCode, t.Value, projected, status));
            }
        }
        Assert.NotEmpty(expected);

        using var json = await host.PostGraphQLAsync("""
            query($asOf: AcademicYear!) {
              localAuthorities { laCode targetAlerts(asOf: $asOf) { year target projected status basis headingToMiss measure { measureCode } } }
            }
            """, new { asOf });
        var actual = GraphQLAssert.NoErrors(json).Items("localAuthorities")
            .SelectMany(l => l.Items("targetAlerts").Select(a => (La: l.Str("laCode")!, a)))
            .Select(x => (x.La, x.a.Str("year")!, x.a.Dec("target")!.Value, x.a.Dec("projected")!.Value, x.a.Str("status")!))
            .ToList();
        Assert.Equal(expected.OrderBy(e => e.La).ThenBy(e => e.Year).ThenBy(e => e.Target), actual.OrderBy(e => e.La).ThenBy(e => e.Item2).ThenBy(e => e.Item3));
        Assert.Contains(las, l => actual.Any(a => a.La == l));
    }

    [Fact]
    public async Task Story3_collaboration_evidence_for_the_full_grant()
    {
        await using var db = host.NewDbContext();
        var expected = await db.OutcomeAgreements.Where(a => a.PeriodStart.Year == 2010)
            .Select(a => new { a.LaCode, Collaborative = a.Outcomes.Count(o => o.Collaborative) }).ToListAsync(Ct);
        using var json = await host.PostGraphQLAsync("{ localAuthorities { laCode outcomeAgreements { periodStart collaborativeOutcomes collaborationEvidenceMissing } } }");
        foreach (var la in GraphQLAssert.NoErrors(json).Items("localAuthorities"))
        {
            foreach (var a in la.Items("outcomeAgreements"))
            {
                var missing = a.P("collaborationEvidenceMissing");
                if (a.Str("periodStart")!.StartsWith("2010", StringComparison.Ordinal))
                {
                    var e = expected.Single(x => x.LaCode == la.Str("laCode"));
                    Assert.Equal(e.Collaborative, a.P("collaborativeOutcomes").GetInt32());
                    Assert.Equal(e.Collaborative < 9, missing.GetBoolean());
                }
                else Assert.Equal(JsonValueKind.Null, missing.ValueKind);
            }
        }
    }

    [Fact]
    public async Task Story4_barriers_escalated_to_the_local_authority()
    {
        await using var db = host.NewDbContext();
        var escalated = await db.Barriers.Where(b => b.EscalatedTo == EscalationTarget.LocalAuthority)
            .Select(b => new { b.Id, b.Description, b.Response, b.EscalatedOn, La = b.Cycle!.School!.LaCode, b.Cycle.School.SchoolNumber, b.Cycle.YearCode })
            .ToListAsync(Ct);
        var la = escalated.GroupBy(b => b.La).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var expected = escalated.Where(b => b.La == la).OrderBy(b => b.EscalatedOn).ThenBy(b => b.Id).ToList();
        Assert.True(expected.Count > 1);

        using var json = await host.PostGraphQLAsync("""
            query($la: String!) {
              localAuthority(laCode: $la) {
                all: escalatedBarriers { description response escalatedTo year school { schoolNumber } }
                open: escalatedBarriers(responded: false) { description }
              }
            }
            """, new { la });
        var l = GraphQLAssert.NoErrors(json).P("localAuthority");
        var all = l.Items("all");
        Assert.Equal(expected.Select(b => (b.Description, b.Response, b.SchoolNumber, b.YearCode)),
            all.Select(b => (b.Str("description")!, b.Str("response"), b.P("school").Str("schoolNumber")!, b.Str("year")!)));
        Assert.All(all, b => Assert.Equal("LOCAL_AUTHORITY", b.Str("escalatedTo")));
        Assert.Equal(expected.Count(b => b.Response is null), l.Items("open").Count);
    }
}

public sealed class LocalAuthorityStoryTestsSqlite(SqliteApiHost host) : LocalAuthorityStoryTests(host);
public sealed class LocalAuthorityStoryTestsPostgres(PostgresApiHost host) : LocalAuthorityStoryTests(host);
