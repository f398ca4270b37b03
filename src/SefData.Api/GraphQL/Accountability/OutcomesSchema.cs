using Microsoft.EntityFrameworkCore;
using SefData.Api.GraphQL.Core;
using SefData.Api.GraphQL.Organisation;
using SefData.Domain;
using SefData.GraphQL.Types;

namespace SefData.Api.GraphQL.Accountability;

/// <summary>Whether a value differs from its estimate beyond the confidence interval.</summary>
public enum ValueAddedSignificance { AboveEstimate, NotSignificant, BelowEstimate }

public sealed partial class AccountabilityModule
{
    // ---- Measures and value-added --------------------------------------------------------------------------------

    private static void Measures(SchemaBuilder b)
    {
        b.Enum<ValueAddedSignificance>();
        b.Object<Measure>(t => t
            .Description("An outcome measure in the catalogue (L2_INCL, CAPPED8, CAPPED9, CSI...).")
            .Field(m => m.Code).Field(m => m.NameEn).Field(m => m.Unit).Field(m => m.HigherIsBetter)
            .Field(m => m.MethodologyVersion).Field(m => m.IsVerified).Field(m => m.Note));
        b.Object<MeasureValue>(t => t
            .Description("A measure's value for a school, LA, consortium or Wales in a year and subgroup. Value-added = value - estimate.")
            .Field("measure", "Measure!", f => f.Resolve(ctx => MeasureByCode(ctx, ctx.Parent<MeasureValue>().MeasureCode)))
            .Field("year", "AcademicYear!", ctx => ctx.Parent<MeasureValue>().YearCode)
            .Field(v => v.Subgroup)
            .Field(v => v.CohortSize)
            .Field(v => v.Value)
            .Field(v => v.Estimate, null, f => f.Description("The value expected for this cohort (e.g. from prior attainment and eFSM); null when none."))
            .Field(v => v.ValueAdded, null, f => f.Description("value - estimate; null without an estimate."))
            .Field(v => v.CiLow).Field(v => v.CiHigh)
            .Field("valueAddedSignificance", "ValueAddedSignificance", f => f
                .Description("ABOVE_ESTIMATE when the whole confidence interval is above the estimate, BELOW_ESTIMATE when wholly below, else NOT_SIGNIFICANT; null without an estimate and interval.")
                .Resolve(ctx => Significance(ctx.Parent<MeasureValue>())))
            .Field(v => v.Version));

        b.Query(q => q.Field("measures", "[Measure!]!", f => f
            .Description("The measures catalogue.")
            .Resolve(ctx => ctx.Db((db, ct) => db.Measures.OrderBy(m => m.Code).ToListAsync(ct)))));

        static FieldBuilder MeasureArgs(FieldBuilder f) => f
            .Description("Stored measure values, by measure, year and subgroup; the arguments narrow them down.")
            .Argument("measure", "String").Argument("year", "AcademicYear").Argument("subgroup", "Subgroup");

        b.Object("School", t => t.Field("measures", "[MeasureValue!]!", f => MeasureArgs(f)
            .Resolve(ctx => MeasuresOf(ctx, "School", ctx.Parent<School>().Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        b.Object("LocalAuthority", t => t.Field("measures", "[MeasureValue!]!", f => MeasureArgs(f)
            .Resolve(ctx => MeasuresOf(ctx, "LocalAuthority", ctx.Parent<LocalAuthority>().LaCode))));
        b.Object("Consortium", t => t.Field("measures", "[MeasureValue!]!", f => MeasureArgs(f)
            .Resolve(ctx => MeasuresOf(ctx, "Consortium", ctx.Parent<Consortium>().Code))));
        b.Object("Wales", t => t.Field("measures", "[MeasureValue!]!", f => MeasureArgs(f)
            .Resolve(ctx => MeasuresOf(ctx, "Wales", "W"))));
    }

    public static ValueAddedSignificance? Significance(MeasureValue v) =>
        v is { Estimate: { } e, CiLow: { } lo, CiHigh: { } hi }
            ? lo > e ? ValueAddedSignificance.AboveEstimate : hi < e ? ValueAddedSignificance.BelowEstimate : ValueAddedSignificance.NotSignificant
            : null;

    public static Task<Measure?> MeasureByCode(IResolverContext ctx, string code) =>
        ctx.LoadOneAsync<string, Measure>("Measure.byCode", code, (db, keys, ct) => db.Measures.Where(m => keys.Contains(m.Code)).ToListAsync(ct), m => m.Code);

    /// <summary>Measure values of one subject kind, batched over every parent of the level (one SQL command).</summary>
    private static Task<IReadOnlyList<MeasureValue>> MeasuresOf(IResolverContext ctx, string subject, string key)
    {
        var measure = ctx.GetArgument<string>("measure");
        var year = ctx.GetArgument<string>("year");
        var subgroup = ctx.GetArgument<Subgroup?>("subgroup");
        var name = $"{subject}.measures@{measure}|{year}|{subgroup}";
        return ctx.LoadGroupAsync<string, MeasureValue>(name, key, (db, keys, ct) =>
        {
            var q = db.MeasureValues.AsQueryable();
            switch (subject)
            {
                case "School":
                    var ids = OrganisationModule.IntKeys(keys);
                    q = q.Where(v => v.Subject == MeasureSubject.School && v.SchoolId != null && ids.Contains(v.SchoolId.Value));
                    break;
                case "LocalAuthority":
                    q = q.Where(v => v.Subject == MeasureSubject.LocalAuthority && keys.Contains(v.LaCode!));
                    break;
                case "Consortium":
                    q = q.Where(v => v.Subject == MeasureSubject.Consortium && keys.Contains(v.ConsortiumCode!));
                    break;
                default:
                    q = q.Where(v => v.Subject == MeasureSubject.Wales);
                    break;
            }
            if (measure is not null) q = q.Where(v => v.MeasureCode == measure);
            if (year is not null) q = q.Where(v => v.YearCode == year);
            if (subgroup is { } sg) q = q.Where(v => v.Subgroup == sg);
            return q.OrderBy(v => v.MeasureCode).ThenBy(v => v.YearCode).ThenBy(v => v.Subgroup).ThenBy(v => v.Id).ToListAsync(ct);
        }, v => v.Subject switch
        {
            MeasureSubject.School => v.SchoolId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MeasureSubject.LocalAuthority => v.LaCode!,
            MeasureSubject.Consortium => v.ConsortiumCode!,
            _ => "W",
        });
    }

    // ---- Outcome agreements --------------------------------------------------------------------------------------

    /// <summary>2010-13 agreements: the full grant also needed successful collaboration in at least 9 of the 10 outcomes (Flintshire).</summary>
    public const int CollaborativeOutcomesForFullGrant2010 = OutcomeAgreement.CollaborativeOutcomesForFullGrant;

    private static void OutcomeAgreements(SchemaBuilder b)
    {
        b.Object<OutcomeAgreement>(t => t
            .Implements("Node")
            .Description("A Welsh Government - LA outcome agreement (2010-13, 2013-16).")
            .Field("id", "ID!", ctx => NodeId.Encode("OutcomeAgreement", ctx.Parent<OutcomeAgreement>().Id))
            .Field("localAuthority", "LocalAuthority!", f => f.Resolve(ctx => OrganisationModule.AuthorityByCode(ctx, ctx.Parent<OutcomeAgreement>().LaCode)))
            .Field(a => a.PeriodStart).Field(a => a.PeriodEnd).Field(a => a.SignedDate).Field(a => a.MaxGrant).Field(a => a.Version)
            .Field("outcomes", "[OaOutcome!]!", f => f.Resolve(ctx => OutcomesOf(ctx, ctx.Parent<OutcomeAgreement>().Id)))
            .Field("assessments", "[OaAssessment!]!", f => f.Resolve(ctx =>
                ctx.LoadGroupAsync<int, OaAssessment>("OutcomeAgreement.assessments", ctx.Parent<OutcomeAgreement>().Id,
                    (db, keys, ct) => db.OaAssessments.Where(a => keys.Contains(a.AgreementId)).OrderBy(a => a.YearCode).ToListAsync(ct), a => a.AgreementId)))
            .Field("collaborativeOutcomes", "Int!", f => f
                .Description("How many outcomes are collaborative.")
                .Resolve(async ctx => (await OutcomesOf(ctx, ctx.Parent<OutcomeAgreement>().Id)).Count(o => o.Collaborative)))
            .Field("collaborationEvidenceMissing", "Boolean", f => f
                .Description($"2010-13 agreements only (null otherwise): true when fewer than {CollaborativeOutcomesForFullGrant2010} outcomes have collaboration, which the full grant needed (LA user story 3).")
                .Resolve(async ctx =>
                {
                    var a = ctx.Parent<OutcomeAgreement>();
                    if (a.PeriodStart.Year != OutcomeAgreement.CollaborationSchemeStartYear) return (object?)null;
                    return (await OutcomesOf(ctx, a.Id)).Count(o => o.Collaborative) < CollaborativeOutcomesForFullGrant2010;
                })));

        b.Object<OaOutcome>(t => t
            .Description("An outcome (strategic theme) of an agreement.")
            .Field(o => o.ThemeCode).Field(o => o.Title).Field(o => o.Collaborative).Field(o => o.Weight).Field(o => o.Version)
            .Field("measures", "[OaMeasure!]!", f => f.Resolve(ctx =>
                ctx.LoadGroupAsync<int, OaMeasure>("OaOutcome.measures", ctx.Parent<OaOutcome>().Id,
                    (db, keys, ct) => db.OaMeasures.Include(m => m.Outcome!).ThenInclude(o => o.Agreement)
                        .Where(m => keys.Contains(m.OutcomeId)).OrderBy(m => m.Id).ToListAsync(ct), m => m.OutcomeId))));

        b.Object<OaMeasure>(t => t
            .Description("A measure of an outcome with a baseline and yearly targets.")
            .Field(m => m.Description).Field(m => m.MeasureCode)
            .Field("measure", "Measure", f => f.Resolve(ctx =>
                ctx.Parent<OaMeasure>().MeasureCode is { } c ? MeasureByCode(ctx, c) : Task.FromResult<Measure?>(null)))
            .Field(m => m.Baseline).Field(m => m.Version)
            .Field("targets", "[OaTargetStatus!]!", f => f
                .Description("Each yearly target against the LA's actual (or projected) value, with a RAG status; asOf = the last year whose actuals are known (default: all).")
                .Argument("asOf", "AcademicYear")
                .Resolve(ctx => TargetStatusesOf(ctx, ctx.Parent<OaMeasure>(), ctx.GetArgument<string>("asOf"))))
            .Field("headingToMiss", "Boolean!", f => f
                .Description("Some target not yet known at asOf is projected to be missed (AMBER or RED).")
                .Argument("asOf", "AcademicYear")
                .Resolve(async ctx => (await TargetStatusesOf(ctx, ctx.Parent<OaMeasure>(), ctx.GetArgument<string>("asOf"))).Any(s => s.HeadingToMiss))));

        b.Object<OaTargetStatus>(t => t
            .Description("A yearly target judged by the RAG rule: GREEN met; AMBER missed by at most 2% of the target; RED missed by more; NO_DATA without an actual or projection.")
            .Field("measure", "OaMeasure!", ctx => ctx.Parent<OaTargetStatus>().Measure)
            .Field("year", "AcademicYear!", ctx => ctx.Parent<OaTargetStatus>().Year)
            .Field(s => s.Target).Field(s => s.Actual).Field(s => s.Projected).Field(s => s.Basis).Field(s => s.Status).Field(s => s.HeadingToMiss)
            .Field(s => s.Reason, null, f => f.Description("The status in words: the value, the target and by how much it is missed.")));

        b.Object<OaAssessment>(t => t
            .Description("The annual assessment: LA self-assessment, WG rating of each outcome, score and grant.")
            .Field("year", "AcademicYear!", ctx => ctx.Parent<OaAssessment>().YearCode)
            .Field(a => a.SelfAssessment).Field(a => a.Score).Field(a => a.GrantPct).Field(a => a.GrantPaid).Field(a => a.Version)
            .Field("ratings", "[OaOutcomeRating!]!", f => f.Resolve(ctx =>
                ctx.LoadGroupAsync<int, OaOutcomeRating>("OaAssessment.ratings", ctx.Parent<OaAssessment>().Id,
                    (db, keys, ct) => db.OaOutcomeRatings.Include(r => r.Outcome).Where(r => keys.Contains(r.AssessmentId)).OrderBy(r => r.OutcomeId).ToListAsync(ct),
                    r => r.AssessmentId))));
        b.Object<OaOutcomeRating>(t => t
            .Field("outcome", "OaOutcome!", ctx => ctx.Parent<OaOutcomeRating>().Outcome)
            .Field(r => r.Rating));

        b.Object("LocalAuthority", t => t
            .Field("outcomeAgreements", "[OutcomeAgreement!]!", f => f
                .Description("Outcome agreements with the Welsh Government, oldest first.")
                .Resolve(ctx => ctx.LoadGroupAsync<string, OutcomeAgreement>("LocalAuthority.outcomeAgreements", ctx.Parent<LocalAuthority>().LaCode,
                    (db, keys, ct) => db.OutcomeAgreements.Where(a => keys.Contains(a.LaCode)).OrderBy(a => a.PeriodStart).ToListAsync(ct), a => a.LaCode)))
            .Field("targetAlerts", "[OaTargetStatus!]!", f => f
                .Description("Outcome-agreement targets heading to be missed (projected AMBER or RED) given what was known at asOf (LA user story 3).")
                .Argument("asOf", "AcademicYear")
                .Resolve(async ctx =>
                {
                    var asOf = ctx.GetArgument<string>("asOf");
                    var measures = await ctx.LoadGroupAsync<string, OaMeasure>("LocalAuthority.linkedOaMeasures", ctx.Parent<LocalAuthority>().LaCode,
                        (db, keys, ct) => db.OaMeasures.Include(m => m.Outcome!).ThenInclude(o => o.Agreement)
                            .Where(m => m.MeasureCode != null && keys.Contains(m.Outcome!.Agreement!.LaCode)).OrderBy(m => m.Id).ToListAsync(ct),
                        m => m.Outcome!.Agreement!.LaCode);
                    var statuses = measures.Select(m => TargetStatusesOf(ctx, m, asOf)).ToList();
                    var alerts = new List<OaTargetStatus>();
                    foreach (var s in statuses) alerts.AddRange((await s).Where(x => x.HeadingToMiss));
                    return alerts;
                })));
    }

    private static Task<IReadOnlyList<OaOutcome>> OutcomesOf(IResolverContext ctx, int agreementId) =>
        ctx.LoadGroupAsync<int, OaOutcome>("OutcomeAgreement.outcomes", agreementId,
            (db, keys, ct) => db.OaOutcomes.Where(o => keys.Contains(o.AgreementId)).OrderBy(o => o.ThemeCode).ToListAsync(ct), o => o.AgreementId);

    /// <summary>
    /// Targets of an agreement measure with RAG statuses. The three lookups (targets, the LA's actual values of the
    /// linked measure, the measure's direction) are requested together so they join the same batches.
    /// </summary>
    private static async Task<IReadOnlyList<OaTargetStatus>> TargetStatusesOf(IResolverContext ctx, OaMeasure m, string? asOf)
    {
        var targetsTask = ctx.LoadGroupAsync<int, OaTarget>("OaMeasure.targets", m.Id,
            (db, keys, ct) => db.OaTargets.Where(x => keys.Contains(x.OaMeasureId)).OrderBy(x => x.YearCode).ToListAsync(ct), x => x.OaMeasureId);
        if (m.MeasureCode is null || m.Outcome?.Agreement is null)
            return TargetRag.Evaluate(m, await targetsTask, new Dictionary<string, decimal>(), true, asOf);
        var actualsTask = ctx.LoadGroupAsync<string, MeasureValue>("LocalAuthority.targetActuals", m.Outcome.Agreement.LaCode + "|" + m.MeasureCode,
            (db, keys, ct) =>
            {
                var las = keys.Select(k => k.Split('|')[0]).Distinct().ToList();
                var codes = keys.Select(k => k.Split('|')[1]).Distinct().ToList();
                return db.MeasureValues.Where(v => v.Subject == MeasureSubject.LocalAuthority && v.Subgroup == Subgroup.All
                    && las.Contains(v.LaCode!) && codes.Contains(v.MeasureCode)).ToListAsync(ct);
            }, v => v.LaCode + "|" + v.MeasureCode);
        var measureTask = MeasureByCode(ctx, m.MeasureCode);
        var targets = await targetsTask;
        var actuals = (await actualsTask).GroupBy(v => v.YearCode).ToDictionary(g => g.Key, g => g.First().Value);
        var higherIsBetter = (await measureTask)?.HigherIsBetter ?? true;
        return TargetRag.Evaluate(m, targets, actuals, higherIsBetter, asOf);
    }

    // ---- Barriers escalated to LAs -------------------------------------------------------------------------------

    private static void Barriers(SchemaBuilder b)
    {
        b.Object<BarrierToEffectiveness>(t => t
            .Implements("Node")
            .Description("A barrier to effective self-evaluation recorded in a school's improvement cycle, possibly escalated.")
            .Field("id", "ID!", ctx => NodeId.Encode("Barrier", ctx.Parent<BarrierToEffectiveness>().Id))
            .Field(x => x.Scope).Field(x => x.Description).Field(x => x.EscalatedTo).Field(x => x.EscalatedOn).Field(x => x.Response).Field(x => x.Version)
            .Field("year", "AcademicYear!", ctx => ctx.Parent<BarrierToEffectiveness>().Cycle!.YearCode)
            .Field("school", "School!", f => f.Resolve(ctx => OrganisationModule.SchoolById(ctx, ctx.Parent<BarrierToEffectiveness>().Cycle!.SchoolId))),
            "Barrier");

        b.Object("LocalAuthority", t => t.Field("escalatedBarriers", "[Barrier!]!", f => f
            .Description("Barriers the LA's schools escalated to the LA (LA user story 4), oldest escalation first; filter by cycle year and whether the LA has responded.")
            .Argument("year", "AcademicYear")
            .Argument("responded", "Boolean")
            .Resolve(ctx =>
            {
                var year = ctx.GetArgument<string>("year");
                var responded = ctx.GetArgument<bool?>("responded");
                return ctx.LoadGroupAsync<string, BarrierToEffectiveness>($"LocalAuthority.escalatedBarriers@{year}|{responded}", ctx.Parent<LocalAuthority>().LaCode,
                    (db, keys, ct) =>
                    {
                        var q = db.Barriers.Include(x => x.Cycle!).ThenInclude(c => c.School)
                            .Where(x => x.EscalatedTo == EscalationTarget.LocalAuthority && keys.Contains(x.Cycle!.School!.LaCode));
                        if (year is not null) q = q.Where(x => x.Cycle!.YearCode == year);
                        if (responded is { } r) q = r ? q.Where(x => x.Response != null) : q.Where(x => x.Response == null);
                        return q.OrderBy(x => x.EscalatedOn).ThenBy(x => x.Id).ToListAsync(ct);
                    }, x => x.Cycle!.School!.LaCode);
            })));
    }
}
