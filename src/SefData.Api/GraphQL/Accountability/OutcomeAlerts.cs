using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SefData.Api.GraphQL.Core;
using SefData.Domain;
using SefData.GraphQL.Types;

namespace SefData.Api.GraphQL.Accountability;

/// <summary>
/// LA user story 3, second alert: the 2010-13 full grant needed successful collaboration in at least 9 outcomes.
/// <see cref="Plan"/>: fewer outcomes are planned as collaborative than that, so the full grant is out of reach.
/// <see cref="Assessment"/>: in an assessed year fewer collaborative outcomes were rated successful (fully or partially).
/// </summary>
public enum CollaborationAlertKind { Plan, Assessment }

public sealed record CollaborationEvidenceAlert(CollaborationAlertKind Kind, OutcomeAgreement Agreement, string? Year, int Outcomes,
    int CollaborativeOutcomes, int? RatedOutcomes, int? EvidencedOutcomes)
{
    public int Required => OutcomeAgreement.CollaborativeOutcomesForFullGrant;

    public string Reason => Kind == CollaborationAlertKind.Plan
        ? string.Create(CultureInfo.InvariantCulture,
            $"Only {CollaborativeOutcomes} of the agreement's {Outcomes} outcomes are collaborative; the full grant needs successful collaboration in at least {Required}.")
        : string.Create(CultureInfo.InvariantCulture,
            $"{Year}: WG rated collaboration successful in {EvidencedOutcomes} outcomes ({CollaborativeOutcomes} collaborative, {RatedOutcomes} of {Outcomes} outcomes rated); the full grant needs at least {Required}.");
}

public sealed partial class AccountabilityModule
{
    private static void CollaborationAlerts(SchemaBuilder b)
    {
        b.Enum<CollaborationAlertKind>();
        b.Object<CollaborationEvidenceAlert>(t => t
            .Description("Collaboration evidence for the full 2010-13 grant is missing (LA user story 3).")
            .Field(a => a.Kind, null, f => f.Description("PLAN: too few outcomes are collaborative; ASSESSMENT: too few collaborative outcomes were rated successful in the year."))
            .Field("agreement", "OutcomeAgreement!", ctx => ctx.Parent<CollaborationEvidenceAlert>().Agreement)
            .Field("year", "AcademicYear", f => f.Description("The assessed year (null for PLAN).").Resolve(ctx => ctx.Parent<CollaborationEvidenceAlert>().Year))
            .Field(a => a.Outcomes).Field(a => a.CollaborativeOutcomes)
            .Field(a => a.RatedOutcomes, null, f => f.Description("Outcomes WG has rated in the year (null for PLAN)."))
            .Field(a => a.EvidencedOutcomes, null, f => f.Description("Collaborative outcomes rated fully or partially successful in the year (null for PLAN)."))
            .Field(a => a.Required).Field(a => a.Reason));

        b.Object("LocalAuthority", t => t.Field("collaborationAlerts", "[CollaborationEvidenceAlert!]!", f => f
            .Description("Where collaboration evidence for the full grant is missing (LA user story 3): agreements planning too few collaborative outcomes, then assessed years with too few collaborative outcomes rated successful. Counted in SQL.")
            .Resolve(ctx => ctx.LoadGroupAsync<string, CollaborationEvidenceAlert>("LocalAuthority.collaborationAlerts", ctx.Parent<LocalAuthority>().LaCode,
                async (db, keys, ct) =>
                {
                    const int scheme = OutcomeAgreement.CollaborationSchemeStartYear;
                    const int required = OutcomeAgreement.CollaborativeOutcomesForFullGrant;
                    var plans = await db.OutcomeAgreements
                        .Where(a => keys.Contains(a.LaCode) && a.PeriodStart.Year == scheme)
                        .Select(a => new { Agreement = a, Outcomes = a.Outcomes.Count(), Collaborative = a.Outcomes.Count(o => o.Collaborative) })
                        .Where(x => x.Collaborative < required)
                        .ToListAsync(ct);
                    // Evidence per assessed year: collaborative outcomes not rated unsuccessful (OaOutcomeRating.EvidencesCollaboration).
                    var years = await db.OaAssessments
                        .Where(x => keys.Contains(x.Agreement!.LaCode) && x.Agreement.PeriodStart.Year == scheme)
                        .Select(x => new
                        {
                            x.Agreement, x.YearCode,
                            Outcomes = x.Agreement!.Outcomes.Count(), Collaborative = x.Agreement.Outcomes.Count(o => o.Collaborative),
                            Rated = x.Ratings.Count(),
                            Evidenced = x.Ratings.Count(r => r.Outcome!.Collaborative && r.Rating != OaRating.Unsuccessful),
                        })
                        .Where(x => x.Evidenced < required)
                        .ToListAsync(ct);
                    return plans.Select(p => new CollaborationEvidenceAlert(CollaborationAlertKind.Plan, p.Agreement, null, p.Outcomes, p.Collaborative, null, null))
                        .OrderBy(a => a.Agreement.PeriodStart)
                        .Concat(years.Select(y => new CollaborationEvidenceAlert(CollaborationAlertKind.Assessment, y.Agreement!, y.YearCode, y.Outcomes, y.Collaborative, y.Rated, y.Evidenced))
                            .OrderBy(a => a.Agreement.PeriodStart).ThenBy(a => a.Year, StringComparer.Ordinal))
                        .ToList();
                }, a => a.Agreement.LaCode))));
    }
}
