using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Domain;
using static SefData.Api.Tests.Recording.MutationKit;

namespace SefData.Api.Tests.UserStories;

/// <summary>
/// LA user story 1 (DOMAIN.md section 5): "Record the agreement (outcomes, measures, baselines, yearly targets), the
/// annual self-assessment, and WG's rating and grant." An LA's agreement is built from nothing over HTTP, then read
/// back with each target judged against the LA's actual attainment. Expected values come from the database via EF.
/// </summary>
public abstract class LocalAuthority1AgreementStoryTests(ApiHost host)
{
    private static readonly string[] Years = ["2016/17", "2017/18", "2018/19"];

    /// <summary>The documented RAG rule restated (higher is better): met GREEN; short by at most 2% of the target AMBER; else RED.</summary>
    private static string ExpectedRag(decimal value, decimal target) =>
        value >= target ? "GREEN" : target - value <= target * 0.02m ? "AMBER" : "RED";

    [Fact]
    public async Task An_agreement_is_recorded_from_nothing_and_read_back_against_actuals()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();

        // An LA whose earlier agreements have ended, with its own L2_INCL actuals for the new agreement's years and the year before.
        var actualRows = await db.MeasureValues
            .Where(v => v.Subject == MeasureSubject.LocalAuthority && v.MeasureCode == "L2_INCL" && v.Subgroup == Subgroup.All)
            .Select(v => new { v.LaCode, v.YearCode, v.Value }).ToListAsync(Ct);
        var lastEnds = await db.OutcomeAgreements.Select(a => new { La = a.LaCode, End = a.PeriodEnd }).ToListAsync(Ct);
        var la = actualRows.Where(r => r.LaCode is not null).GroupBy(r => r.LaCode!)
            .Where(g => Years.Append("2015/16").All(y => g.Any(r => r.YearCode == y)))
            .Select(g => g.Key).Where(l => lastEnds.All(e => e.La != l || e.End < new DateOnly(2016, 4, 1))).Order(StringComparer.Ordinal).First();
        var actual = actualRows.Where(r => r.LaCode == la).ToDictionary(r => r.YearCode, r => r.Value);

        // 1. The agreement.
        using var created = await copy.PostGraphQLAsync($$"""
            mutation { createOutcomeAgreement(input: { localAuthority: "{{la}}", periodStart: "2016-04-01", periodEnd: "2019-03-31",
              signedDate: "2016-06-20", maxGrant: 1400000 }) { agreement { id } {{Errors}} } }
            """);
        var agreementId = Ok(created, "createOutcomeAgreement", "agreement").Str("id")!;

        // 2. Outcomes: school attainment (collaborative) and landfill.
        const string addOutcome = $$"""
            mutation($i: AddOaOutcomeInput!) { addOaOutcome(input: $i) { outcome { oaOutcomeId } {{Errors}} } }
            """;
        using var attainmentJson = await copy.PostGraphQLAsync(addOutcome, new { i = new { agreement = agreementId, themeCode = "PFG2", title = "School attainment", collaborative = true, weight = 40m } });
        var attainment = Ok(attainmentJson, "addOaOutcome", "outcome").P("oaOutcomeId").GetInt32();
        using var landfillJson = await copy.PostGraphQLAsync(addOutcome, new { i = new { agreement = agreementId, themeCode = "PFG5", title = "Landfill", weight = 30m } });
        var landfill = Ok(landfillJson, "addOaOutcome", "outcome").P("oaOutcomeId").GetInt32();

        // 3. Measures with baselines and yearly targets: one met, one missed narrowly, one missed widely (from the actuals).
        var targets = new Dictionary<string, decimal>
        {
            [Years[0]] = actual[Years[0]] - 0.5m,
            [Years[1]] = Math.Round(actual[Years[1]] * 1.01m, 1),
            [Years[2]] = actual[Years[2]] + 5m,
        };
        const string addMeasure = $$"""
            mutation($i: AddOaMeasureInput!) { addOaMeasure(input: $i) { measure { oaMeasureId } {{Errors}} } }
            """;
        using var l2Json = await copy.PostGraphQLAsync(addMeasure, new { i = new
        {
            oaOutcomeId = attainment, measure = "L2_INCL", baseline = actual["2015/16"],
            targets = targets.Select(t => new { year = t.Key, value = t.Value }).ToArray(),
        } });
        Ok(l2Json, "addOaMeasure", "measure");
        using var landfillMeasureJson = await copy.PostGraphQLAsync(addMeasure, new { i = new { oaOutcomeId = landfill, description = "Municipal waste sent to landfill (%)", baseline = 41.5m } });
        var landfillMeasure = Ok(landfillMeasureJson, "addOaMeasure", "measure").P("oaMeasureId").GetInt32();
        using (var x = await copy.PostGraphQLAsync($$"""
                   mutation { setOaTarget(input: { oaMeasureId: {{landfillMeasure}}, year: "2016/17", value: 38.0 }) { measure { oaMeasureId } {{Errors}} } }
                   """))
            Ok(x, "setOaTarget", "measure");

        // 4. The LA's annual self-assessment, then 5. WG's rating of each outcome and the grant.
        using var assessed = await copy.PostGraphQLAsync($$"""
            mutation { recordOaAssessment(input: { agreement: "{{agreementId}}", year: "2016/17", selfAssessment: "Attainment target met; landfill behind plan." })
              { assessment { oaAssessmentId version } {{Errors}} } }
            """);
        var assessment = Ok(assessed, "recordOaAssessment", "assessment");
        using var rated = await copy.PostGraphQLAsync($$"""
            mutation($i: RateOaAssessmentInput!) { rateOaAssessment(input: $i) { assessment { score } {{Errors}} } }
            """, new { i = new
        {
            oaAssessmentId = assessment.P("oaAssessmentId").GetInt32(), version = assessment.P("version").GetInt32(),
            ratings = new object[] { new { oaOutcomeId = attainment, rating = "FULLY" }, new { oaOutcomeId = landfill, rating = "PARTIALLY" } },
            grantPct = 85m, grantPaid = 1_190_000m,
        } });
        Ok(rated, "rateOaAssessment", "assessment");

        // Read back: the stored agreement (EF) and the API's view of it agree, and each target is judged on the LA's actual.
        var stored = await db.OutcomeAgreements.Where(a => a.LaCode == la && a.PeriodStart == new DateOnly(2016, 4, 1))
            .Include(a => a.Outcomes).ThenInclude(o => o.Measures).ThenInclude(m => m.Targets)
            .Include(a => a.Assessments).ThenInclude(s => s.Ratings).ThenInclude(r => r.Outcome)
            .AsSplitQuery().SingleAsync(Ct);
        using var read = await copy.PostGraphQLAsync("""
            query($la: String!) { localAuthority(laCode: $la) { outcomeAgreements {
              periodStart periodEnd signedDate maxGrant
              outcomes { themeCode title collaborative weight measures { measureCode description baseline targets { year target actual basis status reason } } }
              assessments { year selfAssessment score grantPct grantPaid ratings { rating outcome { themeCode } } } } } }
            """, new { la });
        var agreement = Assert.Single(GraphQLAssert.NoErrors(read).P("localAuthority").Items("outcomeAgreements"), a => a.Str("periodStart") == "2016-04-01");

        Assert.Equal(("2019-03-31", "2016-06-20", 1_400_000m), (agreement.Str("periodEnd"), agreement.Str("signedDate"), agreement.Dec("maxGrant")!.Value));
        Assert.Equal((stored.PeriodEnd, stored.SignedDate, stored.MaxGrant), (new DateOnly(2019, 3, 31), (DateOnly?)new DateOnly(2016, 6, 20), (decimal?)1_400_000m));
        Assert.Equal(stored.Outcomes.OrderBy(o => o.ThemeCode).Select(o => (o.ThemeCode, o.Title, o.Collaborative, o.Weight)),
            agreement.Items("outcomes").Select(o => (o.Str("themeCode")!, o.Str("title")!, o.P("collaborative").GetBoolean(), o.Dec("weight"))));

        var l2 = Assert.Single(agreement.Items("outcomes").SelectMany(o => o.Items("measures")), m => m.Str("measureCode") == "L2_INCL");
        var storedL2 = stored.Outcomes.SelectMany(o => o.Measures).Single(m => m.MeasureCode == "L2_INCL");
        Assert.Equal(storedL2.Baseline, l2.Dec("baseline"));
        Assert.Equal((await db.Measures.SingleAsync(m => m.Code == "L2_INCL", Ct)).NameEn, l2.Str("description"));
        var apiTargets = l2.Items("targets");
        Assert.Equal(storedL2.Targets.OrderBy(t => t.YearCode).Select(t => (t.YearCode, t.Value)), apiTargets.Select(t => (t.Str("year")!, t.Dec("target")!.Value)));
        foreach (var t in apiTargets)
        {
            var year = t.Str("year")!;
            Assert.Equal(actual[year], t.Dec("actual"));
            Assert.Equal("ACTUAL", t.Str("basis"));
            Assert.Equal(ExpectedRag(actual[year], targets[year]), t.Str("status"));
            Assert.Contains(year, t.Str("reason"));
        }
        // The three targets were chosen to show every judgement.
        Assert.Equal(new[] { "GREEN", "AMBER", "RED" }, apiTargets.Select(t => t.Str("status")!));

        var landfillApi = Assert.Single(agreement.Items("outcomes").SelectMany(o => o.Items("measures")), m => m.Str("measureCode") is null);
        var landfillTarget = Assert.Single(landfillApi.Items("targets"));
        Assert.Equal(("2016/17", 38.0m, "NO_DATA"), (landfillTarget.Str("year")!, landfillTarget.Dec("target")!.Value, landfillTarget.Str("status")!));

        var storedAssessment = Assert.Single(stored.Assessments);
        var apiAssessment = Assert.Single(agreement.Items("assessments"));
        Assert.Equal((storedAssessment.YearCode, storedAssessment.SelfAssessment, storedAssessment.GrantPct, storedAssessment.GrantPaid),
            (apiAssessment.Str("year")!, apiAssessment.Str("selfAssessment"), apiAssessment.Dec("grantPct"), apiAssessment.Dec("grantPaid")));
        Assert.Equal((85m, 1_190_000m), (storedAssessment.GrantPct, storedAssessment.GrantPaid));
        // Score: fully 3 + partially 2.
        Assert.Equal(5m, apiAssessment.Dec("score"));
        Assert.Equal(storedAssessment.Ratings.OrderBy(r => r.OutcomeId).Select(r => (r.Outcome!.ThemeCode, r.Rating.Gql())),
            apiAssessment.Items("ratings").Select(r => (r.P("outcome").Str("themeCode")!, r.Str("rating")!)));
        Assert.Equal(new[] { ("PFG2", OaRating.Fully), ("PFG5", OaRating.Partially) },
            storedAssessment.Ratings.OrderBy(r => r.Outcome!.ThemeCode).Select(r => (r.Outcome!.ThemeCode, r.Rating)));
    }
}

public sealed class LocalAuthority1AgreementStoryTestsSqlite(SqliteApiHost host) : LocalAuthority1AgreementStoryTests(host);
public sealed class LocalAuthority1AgreementStoryTestsPostgres(PostgresApiHost host) : LocalAuthority1AgreementStoryTests(host);
