using Microsoft.EntityFrameworkCore;
using SefData.Api.GraphQL.Core;
using SefData.Data;
using SefData.Domain;
using SefData.GraphQL.Types;

namespace SefData.Api.GraphQL.Recording;

/// <summary>
/// Mutations that record data: categorisation (draft, capacity judgement, stage moves incl. moderation),
/// inspection judgements and follow-ups, measure values, group memberships, outcome-agreement targets and annual
/// assessments, and the LA's response to an escalated barrier. Domain rules run in SaveChanges; each mutation saves
/// once, so nothing is written on error.
/// </summary>
public sealed class RecordingModule : ISchemaModule
{
    public void Configure(SchemaModuleContext context)
    {
        var b = context.Builder;
        b.Enum<ImprovementCapacity>().Enum<SupportColour>().Enum<CategorisationStage>().Enum<FollowUpCategory>()
            .Enum<Subgroup>().Enum<GroupRole>();
        Categorisation(b);
        Inspections(b);
        Measures(b);
        Groups(b);
        OutcomeAgreements(b);
        OutcomeAgreementMutations.Configure(b);
        Barriers(b);
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

    // ---- Categorisation ------------------------------------------------------------------------------------------

    private static void Categorisation(SchemaBuilder b)
    {
        b.InputObject("RecordCategorisationInput", i => i
            .Description("A new draft categorisation for a school and year (one per school per year).")
            .Field("school", "String!", a => a.Description("School number or School id."))
            .Field("year", "AcademicYear!")
            .Field("standardsGroup", "Int", a => a.Description("Step 1, 1-4; none from 2017/18."))
            .Field("improvementCapacity", "ImprovementCapacity", a => a.Description("Step 2: the adviser's yearly capacity judgement A-D."))
            .Field("capacityEvidence", "String", a => a.Description($"What the capacity judgement rests on (at most {CategorisationResult.CapacityEvidenceMaxLength} characters)."))
            .Field("supportColour", "SupportColour!", a => a.Description("Step 3: the draft colour."))
            .Field("adviser", "ID", a => a.Description("The challenge adviser (Person id)."))
            .Field("movedBy", "ID", a => a.Description("Who recorded the draft (Person id); stored in the first stageHistory entry."))
            .Field("note", "String", a => a.Description($"Note for the first stageHistory entry (at most {CategorisationStageChange.NoteMaxLength} characters).")));
        b.InputObject("UpdateCategorisationDraftInput", i => i
            .Description("Changes a draft's capacity judgement and its evidence, standards group or colour.")
            .Field("id", "ID!").Field("version", "Int!")
            .Field("standardsGroup", "Int").Field("improvementCapacity", "ImprovementCapacity")
            .Field("capacityEvidence", "String", a => a.Description($"At most {CategorisationResult.CapacityEvidenceMaxLength} characters; null clears it."))
            .Field("supportColour", "SupportColour"));
        b.InputObject("MoveCategorisationStageInput", i => i
            .Description("Moves a categorisation one stage on: draft -> agreed -> moderated -> verified -> published. Each move adds a stageHistory entry.")
            .Field("id", "ID!").Field("version", "Int!").Field("stage", "CategorisationStage!")
            .Field("moderatedColour", "SupportColour", a => a.Description("The consortium's moderation outcome (only when moving to MODERATED): the colour after moderation."))
            .Field("agreedDate", "Date", a => a.Description("Only when moving to AGREED: the day the draft colour was agreed with the head and governors (not in the future). Optional: stageHistory keeps when the move itself was recorded."))
            .Field("publishedDate", "Date", a => a.Description("Required when moving to PUBLISHED (and given only then)."))
            .Field("movedBy", "ID", a => a.Description("Who moved it (Person id)."))
            .Field("note", "String", a => a.Description($"Evidence or reason for the move, e.g. the moderation panel's reasoning (at most {CategorisationStageChange.NoteMaxLength} characters).")));
        b.Payload("RecordCategorisation", "categorisation", "CategorisationResult", "Result of recordCategorisation.");
        b.Payload("UpdateCategorisationDraft", "categorisation", "CategorisationResult", "Result of updateCategorisationDraft.");
        b.Payload("MoveCategorisationStage", "categorisation", "CategorisationResult", "Result of moveCategorisationStage.");

        b.Mutation(m => m
            .Field("recordCategorisation", "RecordCategorisationPayload!", f => f
                .Description("Creates a DRAFT categorisation with its capacity judgement and evidence (challenge adviser, user story CA 3) and the first stageHistory entry.")
                .Argument("input", "RecordCategorisationInput!")
                .Resolve(ctx =>
                {
                    var input = Mutations.Input(ctx);
                    var entraOid = SignedInUser.EntraObjectId(ctx);
                    return Mutations.RunAsync(ctx, "categorisation", async (db, ct) =>
                    {
                        var school = await Mutations.SchoolAsync(db, input.Req<string>("school"), "school", ct);
                        var adviser = await PersonAsync(db, input, "adviser", ct);
                        var by = new ChangeActor(await PersonAsync(db, input, "movedBy", ct), entraOid);
                        var c = new CategorisationResult
                        {
                            SchoolId = school.Id, YearCode = input.Req<string>("year"), StandardsGroup = input.Opt<int?>("standardsGroup"),
                            ImprovementCapacity = input.Opt<ImprovementCapacity?>("improvementCapacity"), CapacityEvidence = input.Opt<string>("capacityEvidence"),
                            SupportColour = input.Req<SupportColour>("supportColour"), Stage = CategorisationStage.Draft, AdviserPersonId = adviser,
                        };
                        // The year's row must exist (foreign key); an unknown year is reported as the domain's year rule.
                        if (c.Validate().ToList() is { Count: > 0 } own) throw new DomainRuleException(own);
                        c.RecordDraft(by, DateTime.UtcNow, input.Opt<string>("note"));
                        db.CategorisationResults.Add(c);
                        await db.SaveChangesAsync(ct);
                        return c;
                    });
                }))
            .Field("updateCategorisationDraft", "UpdateCategorisationDraftPayload!", f => Mutation(f, "UpdateCategorisationDraftInput",
                "Changes a DRAFT's capacity judgement and evidence, standards group or colour; later stages are changed only by moving stage.", "categorisation",
                async (db, input, ct) =>
                {
                    var c = await Categorisation(db, input, ct);
                    if (c.DraftOnlyRule() is { } notDraft) throw notDraft.ToException();
                    if (input.Has("standardsGroup")) c.StandardsGroup = input.Opt<int?>("standardsGroup");
                    if (input.Has("improvementCapacity")) c.ImprovementCapacity = input.Opt<ImprovementCapacity?>("improvementCapacity");
                    if (input.Has("capacityEvidence")) c.CapacityEvidence = input.Opt<string>("capacityEvidence");
                    if (input.Opt<SupportColour?>("supportColour") is { } colour) c.SupportColour = colour;
                    await db.SaveChangesAsync(ct);
                    return c;
                }))
            .Field("moveCategorisationStage", "MoveCategorisationStagePayload!", f => f
                .Description("Moves the categorisation one stage on and records who, when and why in stageHistory (one save: both or neither). " +
                    "Illegal jumps and moves back are rejected. Moderation may change the colour (consortium user story 5).")
                .Argument("input", "MoveCategorisationStageInput!")
                .Resolve(ctx =>
                {
                    var input = Mutations.Input(ctx);
                    var entraOid = SignedInUser.EntraObjectId(ctx);
                    return Mutations.RunAsync(ctx, "categorisation", async (db, ct) =>
                    {
                        var c = await Categorisation(db, input, ct);
                        var move = new StageMove(input.Req<CategorisationStage>("stage"), new ChangeActor(await PersonAsync(db, input, "movedBy", ct), entraOid), DateTime.UtcNow)
                        {
                            ModeratedColour = input.Opt<SupportColour?>("moderatedColour"),
                            AgreedDate = input.Opt<DateOnly?>("agreedDate"),
                            PublishedDate = input.Opt<DateOnly?>("publishedDate"),
                            Note = input.Opt<string>("note"),
                        };
                        var violations = c.CheckMove(move);
                        // Clients already switch on ValidationError MODERATION_ONLY (field moderatedColour): keep that shape.
                        if (violations.FirstOrDefault(v => v.Code == RuleCodes.ModerationOnly) is { } moderation)
                            throw new InputException(moderation.Code, moderation.Message, "moderatedColour");
                        c.MoveStage(move);
                        await db.SaveChangesAsync(ct);
                        return c;
                    });
                })));
    }

    /// <summary>An optional Person id argument that must name an existing person (ValidationError NOT_FOUND otherwise).</summary>
    private static async Task<int?> PersonAsync(SefDataDbContext db, Dictionary<string, object?> input, string field, CancellationToken ct)
    {
        if (input.Opt<string>(field) is not { } reference) return null;
        var id = Mutations.IntKey(reference, "Person", field);
        if (!await db.People.AnyAsync(p => p.Id == id, ct))
            throw new InputException(Mutations.UnknownCode, "No person with that id.", field);
        return id;
    }

    private static async Task<CategorisationResult> Categorisation(SefDataDbContext db, Dictionary<string, object?> input, CancellationToken ct)
    {
        var id = Mutations.IntKey(input.Req<string>("id"), "CategorisationResult", "id");
        var c = Mutations.Found(await db.CategorisationResults.AsTracking().FirstOrDefaultAsync(x => x.Id == id, ct), "categorisation", "id");
        Mutations.CheckVersion(db, c, input.Req<int>("version"));
        return c;
    }

    // ---- Inspections ---------------------------------------------------------------------------------------------

    private static void Inspections(SchemaBuilder b)
    {
        b.Enum<InspectionType>();
        b.InputObject("JudgementInput", i => i
            .Field("area", "String!", a => a.Description("Framework area code, e.g. KQ1 or IA3."))
            .Field("grade", "String!", a => a.Description("Framework grade code, e.g. GOOD or G2.")));
        b.InputObject("RecordInspectionInput", i => i
            .Description("A school inspection with its judgements, saved together (all or nothing).")
            .Field("school", "String!").Field("framework", "String!", a => a.Description("PRE2010, CIF2010, CIF2017, UNGRADED2022 or FRAMEWORK2024."))
            .Field("type", "InspectionType", InspectionType.Core).Field("startDate", "Date!").Field("publishedDate", "Date")
            .Field("judgements", "[JudgementInput!]", a => a.Description("Each grade must exist in the inspection's framework.")));
        b.InputObject("RecordInspectionJudgementInput", i => i
            .Description("A judgement on an area of an inspection; area and grade must exist in the inspection's framework.")
            .Field("inspection", "ID!").Field("area", "String!", a => a.Description("Framework area code, e.g. KQ1 or IA3."))
            .Field("grade", "String!", a => a.Description("Framework grade code, e.g. GOOD or G2.")));
        b.InputObject("StartFollowUpInput", i => i.Field("inspection", "ID!").Field("category", "FollowUpCategory!").Field("startDate", "Date!"));
        b.InputObject("RemoveFollowUpInput", i => i
            .Description("The school is removed from the follow-up category.")
            .Field("inspection", "ID!").Field("category", "FollowUpCategory!").Field("removedDate", "Date!").Field("version", "Int!"));
        b.Payload("RecordInspection", "inspection", "Inspection", "Result of recordInspection.");
        b.Payload("RecordInspectionJudgement", "inspection", "Inspection", "Result of recordInspectionJudgement.");
        b.Payload("StartFollowUp", "followUp", "FollowUp", "Result of startFollowUp.");
        b.Payload("RemoveFollowUp", "followUp", "FollowUp", "Result of removeFollowUp.");

        b.Mutation(m => m
            .Field("recordInspection", "RecordInspectionPayload!", f => Mutation(f, "RecordInspectionInput",
                "Records a school inspection and its judgements in one save: one judgement outside the framework and nothing is written.", "inspection",
                async (db, input, ct) =>
                {
                    var school = await Mutations.SchoolAsync(db, input.Req<string>("school"), "school", ct);
                    var framework = input.Req<string>("framework");
                    if (!await db.EstynFrameworks.AnyAsync(x => x.Code == framework, ct))
                        throw new InputException(Mutations.UnknownCode, $"No Estyn framework '{framework}'.", "framework");
                    var inspection = new Inspection
                    {
                        Subject = InspectionSubject.School, SchoolId = school.Id, FrameworkCode = framework,
                        Type = input.Opt<InspectionType?>("type") ?? InspectionType.Core,
                        StartDate = input.Req<DateOnly>("startDate"), PublishedDate = input.Opt<DateOnly?>("publishedDate"),
                    };
                    foreach (var j in input.Opt<List<object?>>("judgements") ?? [])
                    {
                        var judgement = (Dictionary<string, object?>)j!;
                        inspection.Judgements.Add(new InspectionJudgement
                        {
                            Inspection = inspection, FrameworkCode = framework, AreaCode = judgement.Req<string>("area"), GradeCode = judgement.Req<string>("grade"),
                        });
                    }
                    db.Inspections.Add(inspection);
                    await db.SaveChangesAsync(ct);
                    return inspection;
                }))
            .Field("recordInspectionJudgement", "RecordInspectionJudgementPayload!", f => Mutation(f, "RecordInspectionJudgementInput",
                "Adds a judgement to an inspection (ESTYN_GRADE_NOT_IN_FRAMEWORK, ESTYN_AREA_NOT_IN_FRAMEWORK, ESTYN_DUPLICATE_JUDGEMENT).", "inspection",
                async (db, input, ct) =>
                {
                    var inspection = await Inspection(db, input, ct);
                    db.InspectionJudgements.Add(new InspectionJudgement
                    {
                        InspectionId = inspection.Id, FrameworkCode = inspection.FrameworkCode,
                        AreaCode = input.Req<string>("area"), GradeCode = input.Req<string>("grade"),
                    });
                    await db.SaveChangesAsync(ct);
                    return inspection;
                }))
            .Field("startFollowUp", "StartFollowUpPayload!", f => Mutation(f, "StartFollowUpInput",
                "Puts the inspected school into a follow-up category from a date.", "followUp", async (db, input, ct) =>
                {
                    var inspection = await Inspection(db, input, ct);
                    var category = input.Req<FollowUpCategory>("category");
                    if (await db.FollowUps.AnyAsync(x => x.InspectionId == inspection.Id && x.Category == category && x.RemovedDate == null, ct))
                        throw new DomainRuleException("FOLLOW_UP_OPEN", $"The inspection already has an open {category} follow-up.");
                    var followUp = new FollowUp { InspectionId = inspection.Id, Category = category, StartDate = input.Req<DateOnly>("startDate") };
                    db.FollowUps.Add(followUp);
                    await db.SaveChangesAsync(ct);
                    return followUp;
                }))
            .Field("removeFollowUp", "RemoveFollowUpPayload!", f => Mutation(f, "RemoveFollowUpInput",
                "Records the removal of the open follow-up of that category.", "followUp", async (db, input, ct) =>
                {
                    var inspection = await Inspection(db, input, ct);
                    var category = input.Req<FollowUpCategory>("category");
                    var followUp = await db.FollowUps.AsTracking().FirstOrDefaultAsync(x => x.InspectionId == inspection.Id && x.Category == category && x.RemovedDate == null, ct)
                        ?? throw new DomainRuleException("FOLLOW_UP_NOT_OPEN", $"The inspection has no open {category} follow-up to remove.");
                    Mutations.CheckVersion(db, followUp, input.Req<int>("version"));
                    followUp.RemovedDate = input.Req<DateOnly>("removedDate");
                    await db.SaveChangesAsync(ct);
                    return followUp;
                })));
    }

    private static async Task<Inspection> Inspection(SefDataDbContext db, Dictionary<string, object?> input, CancellationToken ct)
    {
        var id = Mutations.IntKey(input.Req<string>("inspection"), "Inspection", "inspection");
        return Mutations.Found(await db.Inspections.FirstOrDefaultAsync(x => x.Id == id, ct), "inspection", "inspection");
    }

    // ---- Measures ------------------------------------------------------------------------------------------------

    private static void Measures(SchemaBuilder b)
    {
        b.InputObject("RecordSchoolMeasureValueInput", i => i
            .Description("A school's value for a catalogued measure in a year and subgroup (one per measure, year, school and subgroup).")
            .Field("school", "String!").Field("measure", "String!", a => a.Description("Measure code from the catalogue."))
            .Field("year", "AcademicYear!").Field("subgroup", "Subgroup", Subgroup.All)
            .Field("value", "Decimal!").Field("estimate", "Decimal").Field("cohortSize", "Int").Field("ciLow", "Decimal").Field("ciHigh", "Decimal"));
        b.Payload("RecordSchoolMeasureValue", "measureValue", "MeasureValue", "Result of recordSchoolMeasureValue.");
        b.Mutation(m => m.Field("recordSchoolMeasureValue", "RecordSchoolMeasureValuePayload!", f => Mutation(f, "RecordSchoolMeasureValueInput",
            "Records a school's measure value (MEASURE_VALUE_DUPLICATE, CONFIDENCE_INTERVAL, NEGATIVE_NUMBER).", "measureValue", async (db, input, ct) =>
            {
                var school = await Mutations.SchoolAsync(db, input.Req<string>("school"), "school", ct);
                var code = input.Req<string>("measure");
                if (!await db.Measures.AnyAsync(x => x.Code == code, ct))
                    throw new InputException(Mutations.UnknownCode, $"No measure '{code}' in the catalogue.", "measure");
                var v = new MeasureValue
                {
                    MeasureCode = code, YearCode = input.Req<string>("year"), Subject = MeasureSubject.School, SchoolId = school.Id,
                    Subgroup = input.Opt<Subgroup?>("subgroup") ?? Subgroup.All, Value = input.Req<decimal>("value"),
                    Estimate = input.Opt<decimal?>("estimate"), CohortSize = input.Opt<int?>("cohortSize"),
                    CiLow = input.Opt<decimal?>("ciLow"), CiHigh = input.Opt<decimal?>("ciHigh"),
                };
                db.MeasureValues.Add(v);
                await db.SaveChangesAsync(ct);
                return v;
            })));
    }

    // ---- Group memberships ---------------------------------------------------------------------------------------

    private static void Groups(SchemaBuilder b)
    {
        b.InputObject("AddGroupMembershipInput", i => i
            .Description("A school joins a collaboration group over an inclusive date range (memberships of one group never overlap).")
            .Field("group", "ID!").Field("school", "String!").Field("role", "GroupRole", GroupRole.Member)
            .Field("validFrom", "Date!").Field("validTo", "Date"));
        b.Payload("AddGroupMembership", "membership", "GroupMembership", "Result of addGroupMembership.");
        b.Mutation(m => m.Field("addGroupMembership", "AddGroupMembershipPayload!", f => Mutation(f, "AddGroupMembershipInput",
            "Adds a school to a group (MEMBERSHIP_OVERLAP, DATE_RANGE).", "membership", async (db, input, ct) =>
            {
                var groupId = Mutations.IntKey(input.Req<string>("group"), "CollaborationGroup", "group");
                if (!await db.CollaborationGroups.AnyAsync(g => g.Id == groupId, ct))
                    throw new InputException(Mutations.UnknownCode, "No collaboration group with that id.", "group");
                var school = await Mutations.SchoolAsync(db, input.Req<string>("school"), "school", ct);
                var membership = new GroupMembership
                {
                    GroupId = groupId, SchoolId = school.Id, Role = input.Opt<GroupRole?>("role") ?? GroupRole.Member,
                    ValidFrom = input.Req<DateOnly>("validFrom"), ValidTo = input.Opt<DateOnly?>("validTo"),
                };
                db.GroupMemberships.Add(membership);
                await db.SaveChangesAsync(ct);
                return membership;
            })));
    }

    // ---- Outcome agreements --------------------------------------------------------------------------------------

    private static void OutcomeAgreements(SchemaBuilder b)
    {
        b.Object<OaMeasure>(t => t.Field("oaMeasureId", "Int!", f => f
            .Description("The measure's key within its agreement, for setOaTarget.")
            .Resolve(ctx => ctx.Parent<OaMeasure>().Id)));
        b.InputObject("SetOaTargetInput", i => i
            .Description("Sets (adds or replaces) an outcome-agreement measure's target for a year inside the agreement period.")
            .Field("oaMeasureId", "Int!").Field("year", "AcademicYear!").Field("value", "Decimal!")
            .Field("version", "Int", a => a.Description("Required when replacing an existing target: the target's version.")));
        b.InputObject("RecordOaAssessmentInput", i => i
            .Description("The annual assessment of an outcome agreement (LA user story 1): self-assessment, score, grant.")
            .Field("agreement", "ID!").Field("year", "AcademicYear!").Field("selfAssessment", "String")
            .Field("score", "Decimal").Field("grantPct", "Decimal").Field("grantPaid", "Decimal"));
        b.Payload("SetOaTarget", "measure", "OaMeasure", "Result of setOaTarget (the measure with all its targets).");
        b.Payload("RecordOaAssessment", "assessment", "OaAssessment", "Result of recordOaAssessment.");

        b.Mutation(m => m
            .Field("setOaTarget", "SetOaTargetPayload!", f => Mutation(f, "SetOaTargetInput",
                "Sets a yearly target; a year outside the agreement is rejected (TARGET_OUTSIDE_AGREEMENT).", "measure", async (db, input, ct) =>
                {
                    var id = input.Req<int>("oaMeasureId");
                    var measure = await db.OaMeasures.FirstOrDefaultAsync(x => x.Id == id, ct)
                        ?? throw new InputException(Mutations.UnknownCode, "No outcome-agreement measure with that id.", "oaMeasureId");
                    var year = input.Req<string>("year");
                    var target = await db.OaTargets.AsTracking().FirstOrDefaultAsync(x => x.OaMeasureId == id && x.YearCode == year, ct);
                    if (target is null)
                        db.OaTargets.Add(new OaTarget { OaMeasureId = id, YearCode = year, Value = input.Req<decimal>("value") });
                    else
                    {
                        Mutations.CheckVersion(db, target, input.Req<int>("version"));
                        target.Value = input.Req<decimal>("value");
                    }
                    await db.SaveChangesAsync(ct);
                    return measure;
                }))
            .Field("recordOaAssessment", "RecordOaAssessmentPayload!", f => Mutation(f, "RecordOaAssessmentInput",
                "Records an annual assessment; a year outside the agreement is rejected (TARGET_OUTSIDE_AGREEMENT).", "assessment", async (db, input, ct) =>
                {
                    var id = await OutcomeAgreementMutations.ExistingAgreementIdAsync(db, input, ct);
                    var year = input.Req<string>("year");
                    if (await db.OaAssessments.AnyAsync(x => x.AgreementId == id && x.YearCode == year, ct))
                        throw new DomainRuleException("OA_ASSESSMENT_DUPLICATE", $"The agreement already has an assessment for {year}.");
                    var a = new OaAssessment
                    {
                        AgreementId = id, YearCode = year, SelfAssessment = input.Opt<string>("selfAssessment"),
                        Score = input.Opt<decimal?>("score"), GrantPct = input.Opt<decimal?>("grantPct"), GrantPaid = input.Opt<decimal?>("grantPaid"),
                    };
                    db.OaAssessments.Add(a);
                    await db.SaveChangesAsync(ct);
                    return a;
                })));
    }

    // ---- Barriers ------------------------------------------------------------------------------------------------

    private static void Barriers(SchemaBuilder b)
    {
        b.InputObject("RespondToBarrierInput", i => i
            .Description("The LA's (or WG's) response to a barrier a school escalated (LA user story 4).")
            .Field("barrier", "ID!").Field("version", "Int!").Field("response", "String!"));
        b.Payload("RespondToBarrier", "barrier", "Barrier", "Result of respondToBarrier.");
        b.Mutation(m => m.Field("respondToBarrier", "RespondToBarrierPayload!", f => Mutation(f, "RespondToBarrierInput",
            "Records the response to an escalated barrier (BARRIER_ESCALATION when it was not escalated).", "barrier", async (db, input, ct) =>
            {
                var id = Mutations.IntKey(input.Req<string>("barrier"), "Barrier", "barrier");
                var barrier = Mutations.Found(await db.Barriers.AsTracking().FirstOrDefaultAsync(x => x.Id == id, ct), "barrier", "barrier");
                Mutations.CheckVersion(db, barrier, input.Req<int>("version"));
                var response = input.Req<string>("response");
                if (string.IsNullOrWhiteSpace(response)) throw new InputException(RuleCodes.Required, "A response is required.", "response");
                barrier.Response = response;
                await db.SaveChangesAsync(ct);
                return barrier;
            })));
    }
}
