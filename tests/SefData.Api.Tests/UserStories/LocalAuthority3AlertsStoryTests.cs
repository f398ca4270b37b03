using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Domain;
using static SefData.Api.Tests.Recording.MutationKit;

namespace SefData.Api.Tests.UserStories;

/// <summary>
/// LA user story 3 (DOMAIN.md section 5): "Alert when a measure is heading to miss its target, or when collaboration
/// evidence for the full grant is missing." Both alerts are fields of LocalAuthority with a reason; expected alerts
/// are restated here from the stored rows (EF), and a recorded WG rating is shown to raise a new alert.
/// </summary>
public abstract class LocalAuthority3AlertsStoryTests(ApiHost host)
{
    private const int Required = 9;

    private static string ExpectedRag(decimal value, decimal target) =>
        value >= target ? "GREEN" : target - value <= target * 0.02m ? "AMBER" : "RED";

    private static int Start(string year) => int.Parse(year[..4], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Measures_heading_to_miss_their_targets_are_alerted_with_a_reason()
    {
        const string asOf = "2013/14";
        await using var db = host.NewDbContext();
        var measures = await db.OaMeasures.Where(m => m.MeasureCode != null)
            .Select(m => new { m.Id, m.MeasureCode, m.Baseline, La = m.Outcome!.Agreement!.LaCode, Targets = m.Targets.Select(t => new { t.YearCode, t.Value }).ToList() })
            .ToListAsync(Ct);
        var actuals = await db.MeasureValues.Where(v => v.Subject == MeasureSubject.LocalAuthority && v.Subgroup == Subgroup.All)
            .Select(v => new { v.LaCode, v.MeasureCode, v.YearCode, v.Value }).ToListAsync(Ct);
        var higherIsBetter = await db.Measures.ToDictionaryAsync(m => m.Code, m => m.HigherIsBetter, Ct);
        Assert.All(measures, m => Assert.True(higherIsBetter[m.MeasureCode!]));

        // Restated projection: actuals known up to asOf plus the baseline (the year before the first target); the last two
        // points give the yearly change, extended to each later target year. A projected miss (AMBER or RED) is an alert.
        var expected = new List<(string La, string Year, decimal Target, decimal Projected, string Status)>();
        foreach (var m in measures)
        {
            var first = m.Targets.Min(t => Start(t.YearCode));
            var points = actuals.Where(a => a.LaCode == m.La && a.MeasureCode == m.MeasureCode && Start(a.YearCode) <= Start(asOf))
                .Select(a => (Year: Start(a.YearCode), a.Value)).ToList();
            if (points.Count == 0) continue;
            if (m.Baseline is { } baseline && points.All(p => p.Year != first - 1)) points.Add((first - 1, baseline));
            foreach (var t in m.Targets.Where(t => Start(t.YearCode) > Start(asOf)))
            {
                var y = Start(t.YearCode);
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
              localAuthorities { laCode targetAlerts(asOf: $asOf) { year target projected status basis headingToMiss reason measure { measureCode } } }
            }
            """, new { asOf });
        var alerts = GraphQLAssert.NoErrors(json).Items("localAuthorities")
            .SelectMany(l => l.Items("targetAlerts").Select(a => (La: l.Str("laCode")!, Alert: a))).ToList();
        Assert.Equal(expected.OrderBy(e => e.La, StringComparer.Ordinal).ThenBy(e => e.Year, StringComparer.Ordinal).ThenBy(e => e.Target),
            alerts.Select(x => (x.La, x.Alert.Str("year")!, x.Alert.Dec("target")!.Value, x.Alert.Dec("projected")!.Value, x.Alert.Str("status")!))
                .OrderBy(e => e.La, StringComparer.Ordinal).ThenBy(e => e.Item2, StringComparer.Ordinal).ThenBy(e => e.Item3));
        foreach (var (_, a) in alerts)
        {
            Assert.Equal(("PROJECTED", true), (a.Str("basis")!, a.P("headingToMiss").GetBoolean()));
            var reason = a.Str("reason")!;
            // The reason names the year, the projection, the target and the shortfall.
            var shortfall = a.Dec("target")!.Value - a.Dec("projected")!.Value;
            Assert.Equal(
                $"{a.Str("year")}: projected {a.Dec("projected")!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} misses the target {a.Dec("target")!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} by {shortfall.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
                reason[..reason.IndexOf(" (", StringComparison.Ordinal)]);
            Assert.Contains(a.Str("status") == "AMBER" ? "within the 2% amber tolerance" : "more than the 2% amber tolerance", reason);
        }
    }

    /// <summary>Collaboration alerts restated from raw rows: 2010-13 agreements with fewer than 9 collaborative outcomes (PLAN), and assessed
    /// years in which fewer than 9 collaborative outcomes were rated fully or partially successful (ASSESSMENT).</summary>
    private static async Task<List<(string La, string Kind, string? Year, int Outcomes, int Collaborative, int? Rated, int? Evidenced)>> ExpectedCollaborationAlertsAsync(
        SefData.Data.SefDataDbContext db)
    {
        var agreements = (await db.OutcomeAgreements.Select(a => new { a.Id, a.LaCode, a.PeriodStart }).ToListAsync(Ct)).Where(a => a.PeriodStart.Year == 2010).ToList();
        var outcomes = await db.OaOutcomes.Select(o => new { o.Id, o.AgreementId, o.Collaborative }).ToListAsync(Ct);
        var assessments = await db.OaAssessments.Select(a => new { a.Id, a.AgreementId, a.YearCode }).ToListAsync(Ct);
        var ratings = await db.OaOutcomeRatings.Select(r => new { r.AssessmentId, r.OutcomeId, r.Rating }).ToListAsync(Ct);
        var result = new List<(string, string, string?, int, int, int?, int?)>();
        foreach (var a in agreements.OrderBy(a => a.LaCode, StringComparer.Ordinal).ThenBy(a => a.PeriodStart))
        {
            var own = outcomes.Where(o => o.AgreementId == a.Id).ToList();
            var collaborative = own.Count(o => o.Collaborative);
            if (collaborative < Required) result.Add((a.LaCode, "PLAN", null, own.Count, collaborative, null, null));
            foreach (var s in assessments.Where(s => s.AgreementId == a.Id).OrderBy(s => s.YearCode, StringComparer.Ordinal))
            {
                var rated = ratings.Where(r => r.AssessmentId == s.Id).ToList();
                var evidenced = rated.Count(r => r.Rating != OaRating.Unsuccessful && own.Single(o => o.Id == r.OutcomeId).Collaborative);
                if (evidenced < Required) result.Add((a.LaCode, "ASSESSMENT", s.YearCode, own.Count, collaborative, rated.Count, evidenced));
            }
        }
        return result;
    }

    private const string CollaborationQuery = """
        { localAuthorities { laCode collaborationAlerts { kind year outcomes collaborativeOutcomes ratedOutcomes evidencedOutcomes required reason
            agreement { periodStart localAuthority { laCode } } } } }
        """;

    /// <summary>The API's alerts, by LA code (the order within an LA is the API's own).</summary>
    private static List<(string La, string Kind, string? Year, int Outcomes, int Collaborative, int? Rated, int? Evidenced)> Read(System.Text.Json.JsonDocument json) =>
        GraphQLAssert.NoErrors(json).Items("localAuthorities").SelectMany(l => l.Items("collaborationAlerts").Select(a =>
        {
            Assert.Equal(l.Str("laCode"), a.P("agreement").P("localAuthority").Str("laCode"));
            Assert.StartsWith("2010-", a.P("agreement").Str("periodStart"), StringComparison.Ordinal);
            Assert.Equal(Required, a.P("required").GetInt32());
            int? Opt(string f) => a.P(f).ValueKind == System.Text.Json.JsonValueKind.Null ? null : a.P(f).GetInt32();
            var row = (l.Str("laCode")!, a.Str("kind")!, a.Str("year"), a.P("outcomes").GetInt32(), a.P("collaborativeOutcomes").GetInt32(), Opt("ratedOutcomes"), Opt("evidencedOutcomes"));
            // The reason states the counts behind the alert.
            var reason = a.Str("reason")!;
            Assert.Contains(row.Item2 == "PLAN" ? $"Only {row.Item5} of the agreement's {row.Item4} outcomes" : $"{row.Item3}: WG rated collaboration successful in {row.Item7} outcomes", reason);
            Assert.Contains($"at least {Required}", reason);
            return row;
        })).OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Missing_collaboration_evidence_for_the_full_grant_is_alerted_with_a_reason()
    {
        await using var db = host.NewDbContext();
        var expected = await ExpectedCollaborationAlertsAsync(db);
        Assert.Contains(expected, e => e.Kind == "PLAN");
        Assert.Contains(expected, e => e.Kind == "ASSESSMENT");
        var (json, sql) = await host.PostGraphQLWithSqlAsync(CollaborationQuery);
        using (json) Assert.Equal(expected, Read(json));
        // Counted in the database for all 22 LAs at once: one aggregate command per alert kind, not one per LA or agreement.
        var counting = sql.Where(c => c.Contains("COUNT(", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(2, counting.Count);
        Assert.True(sql.Count <= 5, $"{sql.Count} SQL commands:\n" + string.Join("\n", sql));
    }

    [Fact]
    public async Task A_collaborative_outcome_rated_unsuccessful_raises_the_collaboration_alert()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        // An assessed 2010-13 year with exactly the required evidence: one more unsuccessful collaborative outcome drops it below.
        var before = await ExpectedCollaborationAlertsAsync(db);
        var candidates = (await db.OaAssessments.Where(s => s.Agreement!.PeriodStart.Year == 2010)
            .Select(s => new
            {
                s.Id, s.YearCode, s.Version, s.Agreement!.LaCode,
                Evidence = s.Ratings.Where(r => r.Outcome!.Collaborative && r.Rating != OaRating.Unsuccessful)
                    .OrderBy(r => r.OutcomeId).Select(r => new { r.Id, r.OutcomeId }).ToList(),
            }).ToListAsync(Ct)).Where(s => s.Evidence.Count >= Required).OrderBy(s => s.Id).ToList();
        var target = candidates.First(s => s.Evidence.Count == Required);
        Assert.DoesNotContain(before, e => e.La == target.LaCode && e.Year == target.YearCode);

        // WG's rating of that outcome is re-recorded as unsuccessful (setup removes the earlier rating).
        var rating = target.Evidence[0];
        db.OaOutcomeRatings.Remove(await db.OaOutcomeRatings.SingleAsync(r => r.Id == rating.Id, Ct));
        await db.SaveChangesAsync(Ct);
        using (var x = await copy.PostGraphQLAsync($$"""
                   mutation($i: RateOaAssessmentInput!) { rateOaAssessment(input: $i) { assessment { score } {{Errors}} } }
                   """, new { i = new { oaAssessmentId = target.Id, version = target.Version, ratings = new[] { new { oaOutcomeId = rating.OutcomeId, rating = "UNSUCCESSFUL" } } } }))
            Ok(x, "rateOaAssessment", "assessment");

        var after = await ExpectedCollaborationAlertsAsync(db);
        var raised = Assert.Single(after.Except(before));
        Assert.Equal((target.LaCode, "ASSESSMENT", target.YearCode, Required - 1), (raised.La, raised.Kind, raised.Year, raised.Evidenced!.Value));
        using var json = await copy.PostGraphQLAsync(CollaborationQuery);
        Assert.Equal(after, Read(json));
    }
}

public sealed class LocalAuthority3AlertsStoryTestsSqlite(SqliteApiHost host) : LocalAuthority3AlertsStoryTests(host);
public sealed class LocalAuthority3AlertsStoryTestsPostgres(PostgresApiHost host) : LocalAuthority3AlertsStoryTests(host);
