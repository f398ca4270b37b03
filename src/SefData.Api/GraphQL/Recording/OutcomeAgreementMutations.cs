using Microsoft.EntityFrameworkCore;
using SefData.Api.GraphQL.Core;
using SefData.Data;
using SefData.Domain;
using SefData.GraphQL.Types;

namespace SefData.Api.GraphQL.Recording;

/// <summary>
/// Building an outcome agreement from nothing (LA user story 1): the agreement, its outcomes, their measures with
/// baselines (and optionally targets), and WG's yearly rating of each outcome with the grant decision. Targets
/// (setOaTarget) and the LA's annual self-assessment (recordOaAssessment) are in <see cref="RecordingModule"/>.
/// Rules that need other rows (no overlapping agreements, unique themes, weights, one rating per outcome per year,
/// grant within the maximum) run in SaveChanges, so nothing is written when one fails.
/// </summary>
public static class OutcomeAgreementMutations
{
    /// <summary>The agreement named by the input's <c>agreement</c> node id; an unknown one is a typed input error.</summary>
    internal static async Task<int> ExistingAgreementIdAsync(SefDataDbContext db, Dictionary<string, object?> input, CancellationToken ct)
    {
        var id = AgreementId(input);
        return await db.OutcomeAgreements.AnyAsync(x => x.Id == id, ct) ? id : throw UnknownAgreement();
    }

    /// <summary>As <see cref="ExistingAgreementIdAsync"/>, loading the agreement tracked (for a version bump) in the same query.</summary>
    private static async Task<OutcomeAgreement> TrackedAgreementAsync(SefDataDbContext db, Dictionary<string, object?> input, CancellationToken ct)
    {
        var id = AgreementId(input);
        return await db.OutcomeAgreements.AsTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw UnknownAgreement();
    }

    private static int AgreementId(Dictionary<string, object?> input) => Mutations.IntKey(input.Req<string>("agreement"), "OutcomeAgreement", "agreement");

    private static InputException UnknownAgreement() => new(Mutations.UnknownCode, "No outcome agreement with that id.", "agreement");

    public static void Configure(SchemaBuilder b)
    {
        b.Enum<OaRating>();
        b.Object<OaOutcome>(t => t.Field("oaOutcomeId", "Int!", f => f
            .Description("The outcome's key, for addOaMeasure and rateOaAssessment.")
            .Resolve(ctx => ctx.Parent<OaOutcome>().Id)));
        b.Object<OaAssessment>(t => t.Field("oaAssessmentId", "Int!", f => f
            .Description("The assessment's key, for rateOaAssessment.")
            .Resolve(ctx => ctx.Parent<OaAssessment>().Id)));

        b.InputObject("CreateOutcomeAgreementInput", i => i
            .Description("A new WG-LA outcome agreement; an LA's agreements never overlap in time.")
            .Field("localAuthority", "String!", a => a.Description("The LA's 3-digit code."))
            .Field("periodStart", "Date!").Field("periodEnd", "Date!", a => a.Description("After periodStart."))
            .Field("signedDate", "Date", a => a.Description("Not after periodEnd."))
            .Field("maxGrant", "Decimal", a => a.Description("The largest yearly incentive grant (the full grant), in pounds.")));
        b.InputObject("AddOaOutcomeInput", i => i
            .Description("An outcome (strategic theme) of an agreement.")
            .Field("agreement", "ID!")
            .Field("themeCode", "String!", a => a.Description("Unique within the agreement, e.g. OW02 or PFG2."))
            .Field("title", "String!")
            .Field("collaborative", "Boolean", false, "Delivered in collaboration with other bodies (2010-13: the full grant needed successful collaboration in 9 outcomes).")
            .Field("weight", "Decimal", a => a.Description("Share of the grant in percent; an agreement's weights total at most 100.")));
        b.InputObject("OaTargetInput", i => i.Field("year", "AcademicYear!").Field("value", "Decimal!"));
        b.InputObject("AddOaMeasureInput", i => i
            .Description("A measure of an outcome: a catalogue measure (its actuals then drive RAG and alerts) or a description, with a baseline and optional yearly targets.")
            .Field("oaOutcomeId", "Int!")
            .Field("measure", "String", a => a.Description("Catalogue measure code (e.g. L2_INCL)."))
            .Field("description", "String", a => a.Description("Required without a catalogue measure; defaults to the measure's name."))
            .Field("baseline", "Decimal")
            .Field("targets", "[OaTargetInput!]", a => a.Description("One per year, each inside the agreement period.")));
        b.InputObject("OaOutcomeRatingInput", i => i.Field("oaOutcomeId", "Int!").Field("rating", "OaRating!"));
        b.InputObject("RateOaAssessmentInput", i => i
            .Description("WG's assessment of a year (LA user story 1): a rating of each outcome (once per outcome per year) and the grant decision.")
            .Field("oaAssessmentId", "Int!").Field("version", "Int!")
            .Field("ratings", "[OaOutcomeRatingInput!]", a => a.Description("Outcomes of the assessed agreement not yet rated this year."))
            .Field("score", "Decimal", a => a.Description("Defaults to the points of all the year's ratings (fully 3, partially 2, unsuccessful 1)."))
            .Field("grantPct", "Decimal", a => a.Description("0-100: the share of the maximum grant awarded."))
            .Field("grantPaid", "Decimal", a => a.Description("Not above the agreement's maximum grant.")));
        b.Payload("CreateOutcomeAgreement", "agreement", "OutcomeAgreement", "Result of createOutcomeAgreement.");
        b.Payload("AddOaOutcome", "outcome", "OaOutcome", "Result of addOaOutcome.");
        b.Payload("AddOaMeasure", "measure", "OaMeasure", "Result of addOaMeasure.");
        b.Payload("RateOaAssessment", "assessment", "OaAssessment", "Result of rateOaAssessment.");

        b.Mutation(m => m
            .Field("createOutcomeAgreement", "CreateOutcomeAgreementPayload!", f => Mutation(f, "CreateOutcomeAgreementInput",
                "Creates an agreement (OA_PERIOD_OVERLAP, DATE_RANGE, OA_SIGNED_AFTER_END, NEGATIVE_NUMBER).", "agreement", async (db, input, ct) =>
                {
                    var la = input.Req<string>("localAuthority");
                    if (!await db.LocalAuthorities.AnyAsync(x => x.LaCode == la, ct))
                        throw new InputException(Mutations.UnknownCode, $"No local authority {la}.", "localAuthority");
                    var agreement = new OutcomeAgreement
                    {
                        LaCode = la, PeriodStart = input.Req<DateOnly>("periodStart"), PeriodEnd = input.Req<DateOnly>("periodEnd"),
                        SignedDate = input.Opt<DateOnly?>("signedDate"), MaxGrant = input.Opt<decimal?>("maxGrant"),
                    };
                    db.OutcomeAgreements.Add(agreement);
                    await db.SaveChangesAsync(ct);
                    return agreement;
                }))
            .Field("addOaOutcome", "AddOaOutcomePayload!", f => Mutation(f, "AddOaOutcomeInput",
                "Adds an outcome to an agreement (OA_THEME_DUPLICATE, OA_WEIGHT_TOTAL, REQUIRED, NEGATIVE_NUMBER).", "outcome", async (db, input, ct) =>
                {
                    // The unique theme and the weight total are checked against the agreement's other outcomes at save.
                    // Bumping the agreement's version in the same save makes two concurrent additions conflict (the
                    // second gets a ConcurrencyError, nothing written) instead of both passing a stale check.
                    var agreement = await TrackedAgreementAsync(db, input, ct);
                    db.Entry(agreement).Property(a => a.Version).IsModified = true;
                    var id = agreement.Id;
                    var outcome = new OaOutcome
                    {
                        AgreementId = id, ThemeCode = input.Req<string>("themeCode").Trim(), Title = input.Req<string>("title"),
                        Collaborative = input.Opt<bool?>("collaborative") ?? false, Weight = input.Opt<decimal?>("weight"),
                    };
                    db.OaOutcomes.Add(outcome);
                    await db.SaveChangesAsync(ct);
                    return outcome;
                }))
            .Field("addOaMeasure", "AddOaMeasurePayload!", f => Mutation(f, "AddOaMeasureInput",
                "Adds a measure with its baseline and targets (TARGET_OUTSIDE_AGREEMENT, OA_TARGET_DUPLICATE, REQUIRED).", "measure", async (db, input, ct) =>
                {
                    var outcomeId = input.Req<int>("oaOutcomeId");
                    var outcome = await db.OaOutcomes.Include(o => o.Agreement).FirstOrDefaultAsync(o => o.Id == outcomeId, ct)
                        ?? throw new InputException(Mutations.UnknownCode, "No outcome-agreement outcome with that id.", "oaOutcomeId");
                    var code = input.Opt<string>("measure");
                    var description = input.Opt<string>("description");
                    if (code is not null)
                    {
                        var catalogued = await db.Measures.FirstOrDefaultAsync(x => x.Code == code, ct)
                            ?? throw new InputException(Mutations.UnknownCode, $"No measure '{code}' in the catalogue.", "measure");
                        description ??= catalogued.NameEn;
                    }
                    // Attached unchanged, so the target rules reach the agreement through the navigation without a query.
                    db.Attach(outcome);
                    var measure = new OaMeasure { OutcomeId = outcomeId, Outcome = outcome, MeasureCode = code, Description = description ?? "", Baseline = input.Opt<decimal?>("baseline") };
                    foreach (var t in input.Opt<List<object?>>("targets") ?? [])
                    {
                        var target = (Dictionary<string, object?>)t!;
                        measure.Targets.Add(new OaTarget { OaMeasure = measure, YearCode = target.Req<string>("year"), Value = target.Req<decimal>("value") });
                    }
                    db.OaMeasures.Add(measure);
                    await db.SaveChangesAsync(ct);
                    return measure;
                }))
            .Field("rateOaAssessment", "RateOaAssessmentPayload!", f => Mutation(f, "RateOaAssessmentInput",
                "Records WG's rating of outcomes and the grant decision on an annual assessment (OA_RATING_DUPLICATE, OA_RATING_OUTCOME_NOT_IN_AGREEMENT, PERCENTAGE, OA_GRANT_ABOVE_MAXIMUM).",
                "assessment", async (db, input, ct) =>
                {
                    var id = input.Req<int>("oaAssessmentId");
                    var assessment = Mutations.Found(await db.OaAssessments.AsTracking().Include(a => a.Agreement).FirstOrDefaultAsync(a => a.Id == id, ct),
                        "outcome-agreement assessment", "oaAssessmentId");
                    Mutations.CheckVersion(db, assessment, input.Req<int>("version"));
                    var given = (input.Opt<List<object?>>("ratings") ?? []).Select(r => (Dictionary<string, object?>)r!)
                        .Select(r => new OaOutcomeRating { AssessmentId = id, OutcomeId = r.Req<int>("oaOutcomeId"), Rating = r.Req<OaRating>("rating") }).ToList();
                    var outcomeIds = given.Select(r => r.OutcomeId).Distinct().ToList();
                    var known = await db.OaOutcomes.Where(o => outcomeIds.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
                    if (outcomeIds.Except(known).ToList() is [var unknown, ..])
                        throw new InputException(Mutations.UnknownCode, $"No outcome-agreement outcome {unknown}.", "ratings");
                    db.OaOutcomeRatings.AddRange(given);

                    var stored = await db.OaOutcomeRatings.Where(r => r.AssessmentId == id).Select(r => r.Rating).ToListAsync(ct);
                    assessment.Score = input.Has("score") ? input.Opt<decimal?>("score") : OaAssessment.ScoreOf(stored.Concat(given.Select(r => r.Rating)));
                    if (input.Has("grantPct")) assessment.GrantPct = input.Opt<decimal?>("grantPct");
                    if (input.Has("grantPaid")) assessment.GrantPaid = input.Opt<decimal?>("grantPaid");
                    await db.SaveChangesAsync(ct);
                    return assessment;
                })));
    }

    private static FieldBuilder Mutation(FieldBuilder f, string inputType, string description,
        string resultField, Func<SefDataDbContext, Dictionary<string, object?>, CancellationToken, Task<object?>> work) => f
        .Description(description)
        .Argument("input", inputType + "!")
        .Resolve(ctx =>
        {
            var input = Mutations.Input(ctx);
            return Mutations.RunAsync(ctx, resultField, (db, ct) => work(db, input, ct));
        });
}
