using Microsoft.EntityFrameworkCore;
using SefData.Domain;
using SefData.Testing;

namespace SefData.Data.Tests;

/// <summary>
/// Outcome-agreement rules on the write path (whatever writes: API, CLI, seeding): a typed rule error and nothing
/// written, plus the passing case. Each test uses its own LA so the tests of a class share the database safely.
/// </summary>
public abstract class OutcomeAgreementRuleTests(MigratedDatabase fixture) : DataTestBase(fixture)
{
    private static OutcomeAgreement Agreement(string la, int firstYear, decimal? maxGrant = 1_300_000m) =>
        new() { LaCode = la, PeriodStart = new DateOnly(firstYear, 4, 1), PeriodEnd = new DateOnly(firstYear + 3, 3, 31), MaxGrant = maxGrant };

    [Fact]
    public async Task An_LA_has_one_agreement_at_a_time()
    {
        var before = await CountAsync<OutcomeAgreement>();
        await using (var db = NewContext())
        {
            db.OutcomeAgreements.Add(Agreement("670", 2010));
            db.OutcomeAgreements.Add(Agreement("670", 2012));
            await SaveRejectedAsync(db, RuleCodes.OaPeriodOverlap);
        }
        Assert.Equal(before, await CountAsync<OutcomeAgreement>());
        await using (var db = NewContext())
        {
            db.OutcomeAgreements.Add(Agreement("670", 2010));
            db.OutcomeAgreements.Add(Agreement("670", 2013)); // starts the day after the first ends
            await db.SaveChangesAsync(Ct);
        }
        await using (var db = NewContext())
        {
            // Moving the later agreement back onto the earlier one is caught too.
            var later = await db.OutcomeAgreements.AsTracking().SingleAsync(a => a.LaCode == "670" && a.PeriodStart.Year == 2013, Ct);
            later.PeriodStart = new DateOnly(2012, 4, 1);
            await SaveRejectedAsync(db, RuleCodes.OaPeriodOverlap);
        }
        Assert.Equal(before + 2, await CountAsync<OutcomeAgreement>());
    }

    [Fact]
    public async Task Outcome_themes_are_unique_and_weights_total_at_most_100()
    {
        var before = await CountAsync<OaOutcome>();
        await using (var db = NewContext())
        {
            var a = Agreement("675", 2010);
            db.OaOutcomes.AddRange(
                new OaOutcome { Agreement = a, ThemeCode = "OW01", Title = "Economy", Weight = 60m },
                new OaOutcome { Agreement = a, ThemeCode = "OW02", Title = "Schools", Weight = 50m });
            await SaveRejectedAsync(db, RuleCodes.OaWeightTotal);
        }
        await using (var db = NewContext())
        {
            var a = Agreement("675", 2010);
            db.OaOutcomes.AddRange(
                new OaOutcome { Agreement = a, ThemeCode = "OW01", Title = "Economy", Weight = 60m },
                new OaOutcome { Agreement = a, ThemeCode = "ow01", Title = "Economy again", Weight = 10m });
            await SaveRejectedAsync(db, RuleCodes.OaThemeDuplicate);
        }
        Assert.Equal(before, await CountAsync<OaOutcome>());
        int agreementId;
        await using (var db = NewContext())
        {
            var a = Agreement("675", 2010);
            db.OaOutcomes.AddRange(
                new OaOutcome { Agreement = a, ThemeCode = "OW01", Title = "Economy", Weight = 60m },
                new OaOutcome { Agreement = a, ThemeCode = "OW02", Title = "Schools", Weight = 40m });
            await db.SaveChangesAsync(Ct);
            agreementId = a.Id;
        }
        await using (var db = NewContext())
        {
            // Stored siblings count: one more weighted outcome goes over 100.
            db.OaOutcomes.Add(new OaOutcome { AgreementId = agreementId, ThemeCode = "OW03", Title = "Health", Weight = 0.5m });
            await SaveRejectedAsync(db, RuleCodes.OaWeightTotal);
        }
        await using (var db = NewContext())
        {
            // The same with the stored agreement loaded and tracked (the new outcome then points at its instance): the
            // stored siblings must still count, for the theme and for the weights.
            var stored = await db.OutcomeAgreements.AsTracking().SingleAsync(x => x.Id == agreementId, Ct);
            db.OaOutcomes.Add(new OaOutcome { Agreement = stored, ThemeCode = "OW01", Title = "Economy again" });
            await SaveRejectedAsync(db, RuleCodes.OaThemeDuplicate);
        }
        Assert.Equal(before + 2, await CountAsync<OaOutcome>());
    }

    [Fact]
    public async Task Ratings_are_of_the_assessed_agreement_once_a_year_and_the_grant_stays_within_the_maximum()
    {
        int assessmentId, ownOutcome, otherOutcome;
        await using (var db = NewContext())
        {
            var a = Agreement("677", 2010, maxGrant: 1_000_000m);
            var other = Agreement("677", 2013);
            var own = new OaOutcome { Agreement = a, ThemeCode = "OW02", Title = "Schools", Weight = 10m };
            var foreign = new OaOutcome { Agreement = other, ThemeCode = "PFG2", Title = "School attainment", Weight = 14m };
            var assessment = new OaAssessment { Agreement = a, YearCode = "2011/12" };
            db.AddRange(own, foreign, assessment);
            await db.SaveChangesAsync(Ct);
            (assessmentId, ownOutcome, otherOutcome) = (assessment.Id, own.Id, foreign.Id);
        }
        var before = await CountAsync<OaOutcomeRating>();
        await using (var db = NewContext())
        {
            db.OaOutcomeRatings.Add(new OaOutcomeRating { AssessmentId = assessmentId, OutcomeId = otherOutcome, Rating = OaRating.Fully });
            await SaveRejectedAsync(db, RuleCodes.OaRatingOutcomeNotInAgreement);
        }
        await using (var db = NewContext())
        {
            db.OaOutcomeRatings.Add(new OaOutcomeRating { AssessmentId = assessmentId, OutcomeId = ownOutcome, Rating = OaRating.Fully });
            db.OaOutcomeRatings.Add(new OaOutcomeRating { AssessmentId = assessmentId, OutcomeId = ownOutcome, Rating = OaRating.Partially });
            await SaveRejectedAsync(db, RuleCodes.OaRatingDuplicate);
        }
        await using (var db = NewContext())
        {
            var assessment = await db.OaAssessments.AsTracking().SingleAsync(x => x.Id == assessmentId, Ct);
            assessment.GrantPaid = 1_000_000.01m;
            await SaveRejectedAsync(db, RuleCodes.OaGrantAboveMaximum);
        }
        Assert.Equal(before, await CountAsync<OaOutcomeRating>());
        await using (var db = NewContext())
        {
            db.OaOutcomeRatings.Add(new OaOutcomeRating { AssessmentId = assessmentId, OutcomeId = ownOutcome, Rating = OaRating.Partially });
            var assessment = await db.OaAssessments.AsTracking().SingleAsync(x => x.Id == assessmentId, Ct);
            assessment.GrantPaid = 1_000_000m;
            await db.SaveChangesAsync(Ct);
        }
        await using (var db = NewContext())
        {
            db.OaOutcomeRatings.Add(new OaOutcomeRating { AssessmentId = assessmentId, OutcomeId = ownOutcome, Rating = OaRating.Fully });
            await SaveRejectedAsync(db, RuleCodes.OaRatingDuplicate);
        }
        Assert.Equal(before + 1, await CountAsync<OaOutcomeRating>());
    }

    [Fact]
    public void Scores_and_signature_rules_are_pure_domain_rules()
    {
        Assert.Equal(3 + 2 + 1 + 3, OaAssessment.ScoreOf([OaRating.Fully, OaRating.Partially, OaRating.Unsuccessful, OaRating.Fully]));
        var a = Agreement("660", 2010);
        a.SignedDate = a.PeriodEnd.AddDays(1);
        Assert.Equal(new[] { RuleCodes.OaSignedAfterEnd }, a.Validate().Select(v => v.Code));
        a.SignedDate = a.PeriodStart.AddDays(-30);
        Assert.Empty(a.Validate());
        Assert.True(OaOutcomeRating.EvidencesCollaboration(true, OaRating.Partially));
        Assert.False(OaOutcomeRating.EvidencesCollaboration(true, OaRating.Unsuccessful));
        Assert.False(OaOutcomeRating.EvidencesCollaboration(false, OaRating.Fully));
    }
}

public sealed class OutcomeAgreementRuleTestsSqlite(SqliteMigratedDatabase db) : OutcomeAgreementRuleTests(db), IClassFixture<SqliteMigratedDatabase>;

public sealed class OutcomeAgreementRuleTestsPostgres(PostgresMigratedDatabase db) : OutcomeAgreementRuleTests(db), IClassFixture<PostgresMigratedDatabase>;
