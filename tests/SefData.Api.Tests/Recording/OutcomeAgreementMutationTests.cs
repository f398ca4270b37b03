using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Data;
using SefData.Domain;
using static SefData.Api.Tests.Recording.MutationKit;

namespace SefData.Api.Tests.Recording;

/// <summary>
/// Outcome-agreement mutations (LA user story 1): each domain rule gives its typed error and writes nothing; the
/// valid call then succeeds. Setup rows come from the seeded data, read with EF.
/// </summary>
public abstract class OutcomeAgreementMutationTests(ApiHost host)
{
    /// <summary>Row counts of every outcome-agreement table, to prove a rejected mutation wrote nothing.</summary>
    private static async Task<(int, int, int, int, int, int)> CountsAsync(SefDataDbContext db) =>
        (await db.OutcomeAgreements.CountAsync(Ct), await db.OaOutcomes.CountAsync(Ct), await db.OaMeasures.CountAsync(Ct),
         await db.OaTargets.CountAsync(Ct), await db.OaAssessments.CountAsync(Ct), await db.OaOutcomeRatings.CountAsync(Ct));

    private const string Create = $$"""
        mutation($i: CreateOutcomeAgreementInput!) { createOutcomeAgreement(input: $i) {
          agreement { id periodStart periodEnd signedDate maxGrant localAuthority { laCode } } {{Errors}} } }
        """;

    private const string AddOutcome = $$"""
        mutation($i: AddOaOutcomeInput!) { addOaOutcome(input: $i) { outcome { oaOutcomeId themeCode title collaborative weight } {{Errors}} } }
        """;

    private const string AddMeasure = $$"""
        mutation($i: AddOaMeasureInput!) { addOaMeasure(input: $i) {
          measure { oaMeasureId measureCode description baseline targets { year target } } {{Errors}} } }
        """;

    private const string Rate = $$"""
        mutation($i: RateOaAssessmentInput!) { rateOaAssessment(input: $i) {
          assessment { oaAssessmentId score grantPct grantPaid version ratings { rating outcome { oaOutcomeId } } } {{Errors}} } }
        """;

    [Fact]
    public async Task Creating_an_agreement_checks_period_overlap_signature_and_grant()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var existing = await db.OutcomeAgreements.OrderBy(a => a.LaCode).ThenBy(a => a.PeriodStart).FirstAsync(Ct);
        var la = existing.LaCode;
        var latestEnd = await db.OutcomeAgreements.Where(a => a.LaCode == la).MaxAsync(a => a.PeriodEnd, Ct);
        var before = await CountsAsync(db);

        // Starts inside the existing agreement.
        using (var x = await copy.PostGraphQLAsync(Create, new { i = new { localAuthority = la, periodStart = existing.PeriodStart.AddYears(1).ToString("O"), periodEnd = existing.PeriodEnd.AddYears(1).ToString("O") } }))
            Fails(x, "createOutcomeAgreement", "agreement", "DomainRuleError:OA_PERIOD_OVERLAP");
        var start = latestEnd.AddDays(1);
        var end = start.AddYears(3).AddDays(-1);
        using (var x = await copy.PostGraphQLAsync(Create, new { i = new { localAuthority = la, periodStart = end.ToString("O"), periodEnd = start.ToString("O") } }))
            Fails(x, "createOutcomeAgreement", "agreement", "DomainRuleError:DATE_RANGE");
        using (var x = await copy.PostGraphQLAsync(Create, new { i = new { localAuthority = la, periodStart = start.ToString("O"), periodEnd = end.ToString("O"), signedDate = end.AddDays(1).ToString("O") } }))
            Fails(x, "createOutcomeAgreement", "agreement", "DomainRuleError:OA_SIGNED_AFTER_END");
        using (var x = await copy.PostGraphQLAsync(Create, new { i = new { localAuthority = la, periodStart = start.ToString("O"), periodEnd = end.ToString("O"), maxGrant = -1m } }))
            Fails(x, "createOutcomeAgreement", "agreement", "DomainRuleError:NEGATIVE_NUMBER");
        using (var x = await copy.PostGraphQLAsync(Create, new { i = new { localAuthority = "999", periodStart = start.ToString("O"), periodEnd = end.ToString("O") } }))
            Fails(x, "createOutcomeAgreement", "agreement", "ValidationError:NOT_FOUND");
        Assert.Equal(before, await CountsAsync(db));

        using (var x = await copy.PostGraphQLAsync(Create, new { i = new { localAuthority = la, periodStart = start.ToString("O"), periodEnd = end.ToString("O"), signedDate = start.ToString("O"), maxGrant = 1_250_000m } }))
        {
            var a = Ok(x, "createOutcomeAgreement", "agreement");
            Assert.Equal((la, start.ToString("O"), 1_250_000m), (a.P("localAuthority").Str("laCode"), a.Str("periodStart"), a.Dec("maxGrant")));
        }
        var stored = await db.OutcomeAgreements.SingleAsync(a => a.LaCode == la && a.PeriodStart == start, Ct);
        Assert.Equal((end, (DateOnly?)start, (decimal?)1_250_000m), (stored.PeriodEnd, stored.SignedDate, stored.MaxGrant));
        // The same period again now overlaps the new agreement.
        using (var x = await copy.PostGraphQLAsync(Create, new { i = new { localAuthority = la, periodStart = start.ToString("O"), periodEnd = end.ToString("O") } }))
            Fails(x, "createOutcomeAgreement", "agreement", "DomainRuleError:OA_PERIOD_OVERLAP");
        Assert.Equal(before.Item1 + 1, await db.OutcomeAgreements.CountAsync(Ct));
    }

    [Fact]
    public async Task Outcomes_have_unique_themes_and_weights_up_to_100()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        // An agreement whose weights leave room, and one already at 100.
        // Summed here, not in SQL: SQLite stores decimals as text.
        var weights = (await db.OaOutcomes.Select(o => new { o.Id, o.AgreementId, o.Weight, o.ThemeCode }).ToListAsync(Ct))
            .GroupBy(o => o.AgreementId).OrderBy(g => g.Key)
            .Select(g => new { Id = g.Key, Total = g.Sum(o => o.Weight ?? 0), Theme = g.OrderBy(o => o.Id).First().ThemeCode }).ToList();
        var roomy = weights.First(w => w.Total <= 90);
        var full = weights.First(w => w.Total + 1 > 100);
        var before = await CountsAsync(db);

        using (var x = await copy.PostGraphQLAsync(AddOutcome, new { i = new { agreement = Id("OutcomeAgreement", roomy.Id), themeCode = roomy.Theme, title = "Again" } }))
            Fails(x, "addOaOutcome", "outcome", "DomainRuleError:OA_THEME_DUPLICATE");
        using (var x = await copy.PostGraphQLAsync(AddOutcome, new { i = new { agreement = Id("OutcomeAgreement", full.Id), themeCode = "NEW1", title = "One more", weight = 1m } }))
            Fails(x, "addOaOutcome", "outcome", "DomainRuleError:OA_WEIGHT_TOTAL");
        using (var x = await copy.PostGraphQLAsync(AddOutcome, new { i = new { agreement = Id("OutcomeAgreement", roomy.Id), themeCode = "NEW1", title = " " } }))
            Fails(x, "addOaOutcome", "outcome", "DomainRuleError:REQUIRED");
        using (var x = await copy.PostGraphQLAsync(AddOutcome, new { i = new { agreement = Id("OutcomeAgreement", roomy.Id), themeCode = "NEW1", title = "Negative", weight = -2m } }))
            Fails(x, "addOaOutcome", "outcome", "DomainRuleError:NEGATIVE_NUMBER");
        using (var x = await copy.PostGraphQLAsync(AddOutcome, new { i = new { agreement = Id("Barrier", roomy.Id), themeCode = "NEW1", title = "Wrong id" } }))
            Fails(x, "addOaOutcome", "outcome", "ValidationError:INVALID_ID");
        Assert.Equal(before, await CountsAsync(db));

        using (var x = await copy.PostGraphQLAsync(AddOutcome, new { i = new { agreement = Id("OutcomeAgreement", roomy.Id), themeCode = "NEW1", title = "Community schools", collaborative = true, weight = 100 - roomy.Total } }))
        {
            var o = Ok(x, "addOaOutcome", "outcome");
            var stored = await db.OaOutcomes.SingleAsync(s => s.Id == o.P("oaOutcomeId").GetInt32(), Ct);
            Assert.Equal((roomy.Id, "NEW1", "Community schools", true, (decimal?)(100 - roomy.Total)), (stored.AgreementId, stored.ThemeCode, stored.Title, stored.Collaborative, stored.Weight));
        }
        Assert.Equal(100m, (await db.OaOutcomes.Where(o => o.AgreementId == roomy.Id).Select(o => o.Weight).ToListAsync(Ct)).Sum(w => w ?? 0));
    }

    [Fact]
    public async Task Concurrent_additions_of_the_same_theme_cannot_both_pass()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var agreementId = await db.OutcomeAgreements.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Ct);
        var before = await db.OaOutcomes.CountAsync(o => o.AgreementId == agreementId, Ct);

        // Six clients add the same new theme at the same moment: a save-time duplicate check alone could let several
        // through, each having read the outcomes before the others wrote.
        var all = await Task.WhenAll(Enumerable.Range(0, 6).Select(n => copy.PostGraphQLAsync(AddOutcome,
            new { i = new { agreement = Id("OutcomeAgreement", agreementId), themeCode = "RACE", title = "Attempt " + n } })));
        var outcomes = all.Select(json => { using (json) return ErrorsOf(Payload(json, "addOaOutcome")); }).ToList();
        Assert.Single(outcomes, o => o.Count == 0);
        Assert.All(outcomes.Where(o => o.Count > 0), o => Assert.Contains(Assert.Single(o), new[] { "ConcurrencyError", "DomainRuleError:OA_THEME_DUPLICATE" }));
        Assert.Equal(1, await db.OaOutcomes.CountAsync(o => o.AgreementId == agreementId && o.ThemeCode == "RACE", Ct));
        Assert.Equal(before + 1, await db.OaOutcomes.CountAsync(o => o.AgreementId == agreementId, Ct));
    }

    [Fact]
    public async Task Measures_need_a_description_or_catalogue_measure_and_targets_inside_the_period()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var outcome = await db.OaOutcomes.Include(o => o.Agreement).OrderBy(o => o.Id).FirstAsync(Ct);
        var agreement = outcome.Agreement!;
        var inside = AcademicYears.Format(agreement.PeriodStart.Year);
        var outside = AcademicYears.Format(agreement.PeriodEnd.Year + 2);
        var before = await CountsAsync(db);

        using (var x = await copy.PostGraphQLAsync(AddMeasure, new { i = new { oaOutcomeId = outcome.Id, description = "Pupils", targets = new[] { new { year = inside, value = 50m }, new { year = outside, value = 52m } } } }))
            Fails(x, "addOaMeasure", "measure", "DomainRuleError:TARGET_OUTSIDE_AGREEMENT");
        using (var x = await copy.PostGraphQLAsync(AddMeasure, new { i = new { oaOutcomeId = outcome.Id, description = "Pupils", targets = new[] { new { year = inside, value = 50m }, new { year = inside, value = 52m } } } }))
            Fails(x, "addOaMeasure", "measure", "DomainRuleError:OA_TARGET_DUPLICATE");
        using (var x = await copy.PostGraphQLAsync(AddMeasure, new { i = new { oaOutcomeId = outcome.Id, baseline = 40m } }))
            Fails(x, "addOaMeasure", "measure", "DomainRuleError:REQUIRED");
        using (var x = await copy.PostGraphQLAsync(AddMeasure, new { i = new { oaOutcomeId = outcome.Id, measure = "NO_SUCH_MEASURE" } }))
            Fails(x, "addOaMeasure", "measure", "ValidationError:NOT_FOUND");
        using (var x = await copy.PostGraphQLAsync(AddMeasure, new { i = new { oaOutcomeId = -5, description = "Pupils" } }))
            Fails(x, "addOaMeasure", "measure", "ValidationError:NOT_FOUND");
        Assert.Equal(before, await CountsAsync(db));

        var catalogued = await db.Measures.SingleAsync(m => m.Code == "CSI", Ct);
        using (var x = await copy.PostGraphQLAsync(AddMeasure, new { i = new { oaOutcomeId = outcome.Id, measure = "CSI", baseline = 80.5m, targets = new[] { new { year = inside, value = 82m } } } }))
        {
            var m = Ok(x, "addOaMeasure", "measure");
            Assert.Equal(("CSI", catalogued.NameEn, 80.5m), (m.Str("measureCode"), m.Str("description"), m.Dec("baseline")));
            var stored = await db.OaMeasures.Include(s => s.Targets).SingleAsync(s => s.Id == m.P("oaMeasureId").GetInt32(), Ct);
            Assert.Equal((outcome.Id, inside, 82m), (stored.OutcomeId, Assert.Single(stored.Targets).YearCode, stored.Targets[0].Value));
        }
        Assert.Equal(before.Item3 + 1, await db.OaMeasures.CountAsync(Ct));
    }

    [Fact]
    public async Task WG_rates_each_outcome_once_a_year_and_pays_at_most_the_maximum_grant()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var assessment = await db.OaAssessments.Include(a => a.Agreement).Include(a => a.Ratings).OrderBy(a => a.Id).FirstAsync(Ct);
        var agreement = assessment.Agreement!;
        // Setup: take back two of the year's ratings, so WG can rate those outcomes again.
        var removed = assessment.Ratings.OrderBy(r => r.OutcomeId).Take(2).ToList();
        db.OaOutcomeRatings.RemoveRange(removed);
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();
        var rated = assessment.Ratings.OrderBy(r => r.OutcomeId).Skip(2).First();
        var foreignOutcome = await db.OaOutcomes.Where(o => o.AgreementId != agreement.Id).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(Ct);
        var before = await CountsAsync(db);
        var version = assessment.Version;

        object Input(object[] ratings, decimal? grantPct = null, decimal? grantPaid = null, int? v = null) =>
            new { i = new { oaAssessmentId = assessment.Id, version = v ?? version, ratings, grantPct, grantPaid } };
        var ok = new object[] { new { oaOutcomeId = removed[0].OutcomeId, rating = "FULLY" }, new { oaOutcomeId = removed[1].OutcomeId, rating = "UNSUCCESSFUL" } };

        using (var x = await copy.PostGraphQLAsync(Rate, Input([new { oaOutcomeId = rated.OutcomeId, rating = "FULLY" }])))
            Fails(x, "rateOaAssessment", "assessment", "DomainRuleError:OA_RATING_DUPLICATE");
        using (var x = await copy.PostGraphQLAsync(Rate, Input([ok[0], ok[0]])))
            Fails(x, "rateOaAssessment", "assessment", "DomainRuleError:OA_RATING_DUPLICATE");
        using (var x = await copy.PostGraphQLAsync(Rate, Input([new { oaOutcomeId = foreignOutcome, rating = "PARTIALLY" }])))
            Fails(x, "rateOaAssessment", "assessment", "DomainRuleError:OA_RATING_OUTCOME_NOT_IN_AGREEMENT");
        using (var x = await copy.PostGraphQLAsync(Rate, Input(ok, grantPct: 120m)))
            Fails(x, "rateOaAssessment", "assessment", "DomainRuleError:PERCENTAGE");
        using (var x = await copy.PostGraphQLAsync(Rate, Input(ok, grantPaid: agreement.MaxGrant!.Value + 1)))
            Fails(x, "rateOaAssessment", "assessment", "DomainRuleError:OA_GRANT_ABOVE_MAXIMUM");
        using (var x = await copy.PostGraphQLAsync(Rate, Input(ok, v: version + 1)))
            Fails(x, "rateOaAssessment", "assessment", "ConcurrencyError");
        using (var x = await copy.PostGraphQLAsync(Rate, Input([new { oaOutcomeId = -1, rating = "FULLY" }])))
            Fails(x, "rateOaAssessment", "assessment", "ValidationError:NOT_FOUND");
        Assert.Equal(before, await CountsAsync(db));
        var unchanged = await db.OaAssessments.SingleAsync(a => a.Id == assessment.Id, Ct);
        Assert.Equal((assessment.Score, assessment.GrantPct, assessment.GrantPaid, version), (unchanged.Score, unchanged.GrantPct, unchanged.GrantPaid, unchanged.Version));

        var paid = Math.Round(agreement.MaxGrant!.Value * 0.8m, 0);
        using (var x = await copy.PostGraphQLAsync(Rate, Input(ok, grantPct: 80m, grantPaid: paid)))
        {
            var a = Ok(x, "rateOaAssessment", "assessment");
            // The score defaults to the year's points (3/2/1), restated here from the stored ratings.
            var ratings = await db.OaOutcomeRatings.Where(r => r.AssessmentId == assessment.Id).Select(r => r.Rating).ToListAsync(Ct);
            var points = ratings.Sum(r => r == OaRating.Fully ? 3 : r == OaRating.Partially ? 2 : 1);
            Assert.Equal(((decimal)points, 80m, paid, version + 1), (a.Dec("score")!.Value, a.Dec("grantPct")!.Value, a.Dec("grantPaid")!.Value, a.P("version").GetInt32()));
            Assert.Equal(ratings.Count, a.Items("ratings").Count);
        }
        Assert.Equal(before.Item6 + 2, await db.OaOutcomeRatings.CountAsync(Ct));
        var stored = await db.OaOutcomeRatings.Where(r => r.AssessmentId == assessment.Id && (r.OutcomeId == removed[0].OutcomeId || r.OutcomeId == removed[1].OutcomeId))
            .OrderBy(r => r.OutcomeId).Select(r => r.Rating).ToListAsync(Ct);
        Assert.Equal(new[] { OaRating.Fully, OaRating.Unsuccessful }, stored);
    }

    [Fact]
    public async Task The_LA_self_assessment_cannot_record_a_grant_above_the_maximum()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var agreement = await db.OutcomeAgreements.Include(a => a.Assessments).OrderBy(a => a.Id).FirstAsync(Ct);
        var last = agreement.Assessments.OrderByDescending(a => a.YearCode).First();
        db.OaOutcomeRatings.RemoveRange(await db.OaOutcomeRatings.Where(r => r.AssessmentId == last.Id).ToListAsync(Ct));
        db.OaAssessments.Remove(await db.OaAssessments.SingleAsync(a => a.Id == last.Id, Ct));
        await db.SaveChangesAsync(Ct);
        var before = await CountsAsync(db);
        var record = $"mutation($i: RecordOaAssessmentInput!) {{ recordOaAssessment(input: $i) {{ assessment {{ year grantPaid }} {Errors} }} }}";
        using (var x = await copy.PostGraphQLAsync(record, new { i = new { agreement = Id("OutcomeAgreement", agreement.Id), year = last.YearCode, grantPaid = agreement.MaxGrant!.Value + 0.01m } }))
            Fails(x, "recordOaAssessment", "assessment", "DomainRuleError:OA_GRANT_ABOVE_MAXIMUM");
        Assert.Equal(before, await CountsAsync(db));
        using (var x = await copy.PostGraphQLAsync(record, new { i = new { agreement = Id("OutcomeAgreement", agreement.Id), year = last.YearCode, grantPaid = agreement.MaxGrant!.Value } }))
            Assert.Equal(agreement.MaxGrant, Ok(x, "recordOaAssessment", "assessment").Dec("grantPaid"));
    }
}

public sealed class OutcomeAgreementMutationTestsSqlite(SqliteApiHost host) : OutcomeAgreementMutationTests(host);
public sealed class OutcomeAgreementMutationTestsPostgres(PostgresApiHost host) : OutcomeAgreementMutationTests(host);
