using Microsoft.EntityFrameworkCore;
using SefData.Api.GraphQL.Core;
using SefData.Api.GraphQL.Organisation;
using SefData.Domain;
using SefData.GraphQL.Types;

namespace SefData.Api.GraphQL.Accountability;

/// <summary>
/// Categorisation, Estyn inspections (one GraphQL type per framework), measures with value-added, outcome
/// agreements with targets against actuals, and barriers escalated to LAs.
/// </summary>
public sealed partial class AccountabilityModule : ISchemaModule
{
    public void Configure(SchemaModuleContext context)
    {
        var b = context.Builder;
        b.Enum<ImprovementCapacity>().Enum<SupportColour>().Enum<CategorisationStage>().Enum<InspectionType>()
            .Enum<FollowUpCategory>().Enum<Subgroup>().Enum<OaRating>().Enum<RagStatus>().Enum<TargetBasis>()
            .Enum<BarrierScope>().Enum<EscalationTarget>();
        Categorisation(b);
        CategorisationHistory(b);
        Inspections(b);
        Measures(b);
        OutcomeAgreements(b);
        CollaborationAlerts(b);
        Barriers(b);

        context.Nodes.Register("CategorisationResult", async (db, keys, ct) =>
        {
            var ids = OrganisationModule.IntKeys(keys);
            return (await db.CategorisationResults.Where(c => ids.Contains(c.Id)).ToListAsync(ct)).ToDictionary(c => Key(c.Id), c => (object)c);
        });
        context.Nodes.Register("CategorisationStageChange", async (db, keys, ct) =>
        {
            var ids = OrganisationModule.IntKeys(keys);
            return (await db.CategorisationStageChanges.Where(h => ids.Contains(h.Id)).ToListAsync(ct)).ToDictionary(h => Key(h.Id), h => (object)h);
        });
        context.Nodes.Register("Inspection", async (db, keys, ct) =>
        {
            var ids = OrganisationModule.IntKeys(keys);
            return (await db.Inspections.Where(i => ids.Contains(i.Id)).ToListAsync(ct)).ToDictionary(i => Key(i.Id), i => (object)i);
        });
        context.Nodes.Register("OutcomeAgreement", async (db, keys, ct) =>
        {
            var ids = OrganisationModule.IntKeys(keys);
            return (await db.OutcomeAgreements.Where(a => ids.Contains(a.Id)).ToListAsync(ct)).ToDictionary(a => Key(a.Id), a => (object)a);
        });
        context.Nodes.Register("Barrier", async (db, keys, ct) =>
        {
            var ids = OrganisationModule.IntKeys(keys);
            return (await db.Barriers.Where(x => ids.Contains(x.Id)).ToListAsync(ct)).ToDictionary(x => Key(x.Id), x => (object)x);
        });
    }

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // ---- Categorisation ------------------------------------------------------------------------------------------

    private static void Categorisation(SchemaBuilder b)
    {
        b.Union("CategorisationForYear", u => u
            .Description("The school's categorisation in a year, or why that year has none nationally.")
            .Members("CategorisationResult", "SeriesUnavailable"));
        b.Object<CategorisationResult>(t => t
            .Implements("Node")
            .Description("A school's National School Categorisation result for one academic year (2014/15 to 2019/20).")
            .Field("id", "ID!", ctx => NodeId.Encode("CategorisationResult", ctx.Parent<CategorisationResult>().Id))
            .Field("school", "School!", f => f.Resolve(ctx => OrganisationModule.SchoolById(ctx, ctx.Parent<CategorisationResult>().SchoolId)))
            .Field("year", "AcademicYear!", ctx => ctx.Parent<CategorisationResult>().YearCode)
            .Field(c => c.StandardsGroup, null, f => f.Description("Step 1, 1-4. Null from 2017/18 (no longer calculated) and for special schools and PRUs."))
            .Field(c => c.ImprovementCapacity, null, f => f.Description("Step 2, A-D: the challenge adviser's judgement."))
            .Field(c => c.SupportColour, null, f => f.Description("Step 3: the support category."))
            .Field(c => c.Stage)
            .Field(c => c.PublishedDate)
            .Field(c => c.SupportDays, null, f => f.Description("Maximum support days for the colour in that year (versioned reference data)."))
            .Field("adviser", "Person", f => f.Resolve(ctx =>
                ctx.Parent<CategorisationResult>().AdviserPersonId is { } id ? OrganisationModule.PersonById(ctx, id) : Task.FromResult<Person?>(null)))
            .Field(c => c.Version));

        b.Object("School", t => t
            .Field("categorisations", "[CategorisationResult!]!", f => f
                .Description("Categorisation history, oldest first (the series covers 2014/15 to 2019/20).")
                .Resolve(ctx => CategorisationsOf(ctx, ctx.Parent<School>().Id)))
            .Field("categorisation", "CategorisationForYear", f => f
                .Description("The result for the year; SeriesUnavailable for years with no national categorisation (before 2014/15, suspended 2020/21, ended after); null when the school has no result that year.")
                .Argument("year", "AcademicYear!")
                .Resolve(async ctx =>
                {
                    var year = ctx.GetArgument<string>("year")!;
                    if (SeriesRules.Categorisation(year) is { } gap) return (object?)gap;
                    var all = await CategorisationsOf(ctx, ctx.Parent<School>().Id);
                    return all.FirstOrDefault(c => c.YearCode == year);
                })));
    }

    /// <summary>A school's categorisation history, batched per list level (shared by history and per-year fields).</summary>
    public static Task<IReadOnlyList<CategorisationResult>> CategorisationsOf(IResolverContext ctx, int schoolId) =>
        ctx.LoadGroupAsync<int, CategorisationResult>("School.categorisations", schoolId,
            (db, keys, ct) => db.CategorisationResults.Where(c => keys.Contains(c.SchoolId)).OrderBy(c => c.YearCode).ToListAsync(ct),
            c => c.SchoolId);

    // ---- Inspections ---------------------------------------------------------------------------------------------

    /// <summary>GraphQL type of each framework's inspections.</summary>
    public static string InspectionTypeName(string frameworkCode) => frameworkCode switch
    {
        "PRE2010" => "Pre2010Inspection",
        "CIF2010" => "Cif2010Inspection",
        "CIF2017" => "Cif2017Inspection",
        _ => "UngradedInspection",
    };

    private static void Inspections(SchemaBuilder b)
    {
        // Grade and area enums carry the database codes as internal values; names follow each framework's wording.
        b.Enum("Pre2010Grade", e => e.Description("Pre-2010 framework grades 1 (best) to 5; wording not verified.")
            .Value("GRADE_1", "G1").Value("GRADE_2", "G2").Value("GRADE_3", "G3").Value("GRADE_4", "G4").Value("GRADE_5", "G5"));
        b.Enum("Pre2010KeyQuestion", e =>
        {
            e.Description("The seven key questions of the pre-2010 framework.");
            for (var i = 1; i <= 7; i++) e.Value("KQ" + i, "KQ" + i);
        });
        b.Enum("Cif2010Grade", e => e.Description("Common Inspection Framework 2010 grades.")
            .Value("EXCELLENT", "EXCELLENT", "Many strengths, including significant examples of sector-leading practice")
            .Value("GOOD", "GOOD", "Many strengths and no important areas requiring significant improvement")
            .Value("ADEQUATE", "ADEQUATE", "Strengths outweigh areas for improvement")
            .Value("UNSATISFACTORY", "UNSATISFACTORY", "Important areas for improvement outweigh strengths"));
        b.Enum("Cif2010KeyQuestion", e => e
            .Value("KQ1", "KQ1", "How good are outcomes?").Value("KQ2", "KQ2", "How good is provision?")
            .Value("KQ3", "KQ3", "How good are leadership and management?"));
        b.Enum("Cif2017Grade", e => e.Description("Common Inspection Framework 2017 grades (own wording for the lower two).")
            .Value("EXCELLENT", "EXCELLENT").Value("GOOD", "GOOD")
            .Value("ADEQUATE_AND_NEEDS_IMPROVEMENT", "ADEQUATE_NEEDS_IMPROVEMENT")
            .Value("UNSATISFACTORY_AND_NEEDS_URGENT_IMPROVEMENT", "UNSATISFACTORY_URGENT"));
        b.Enum("Cif2017InspectionArea", e => e
            .Value("STANDARDS", "IA1").Value("WELLBEING_AND_ATTITUDES_TO_LEARNING", "IA2").Value("TEACHING_AND_LEARNING_EXPERIENCES", "IA3")
            .Value("CARE_SUPPORT_AND_GUIDANCE", "IA4").Value("LEADERSHIP_AND_MANAGEMENT", "IA5"));

        b.Object<EstynFramework>(t => t
            .Description("An Estyn inspection framework.")
            .Field(f => f.Code).Field(f => f.NameEn).Field(f => f.ValidFrom).Field(f => f.ValidTo).Field(f => f.IsGraded)
            .Field(f => f.IsVerified).Field(f => f.Note));

        b.Interface("Inspection", i => i
            .Implements("Node")
            .Description("An Estyn inspection. Each framework has its own type with its own judgement areas and grade wording.")
            .Field("id", "ID!").Field("startDate", "Date!").Field("publishedDate", "Date").Field("type", "InspectionType!")
            .Field("framework", "EstynFramework!").Field("school", "School")
            .Field("followUps", "[FollowUp!]!").Field("recommendations", "[Recommendation!]!")
            .ResolveType(v => v is Inspection x ? InspectionTypeName(x.FrameworkCode) : null));

        void Common(ObjectTypeBuilder t, string typeName) => t
            .Implements("Inspection", "Node")
            // node(id:) resolves through Node, which asks each object type whether the value is its own.
            .IsTypeOf(v => v is Inspection x && InspectionTypeName(x.FrameworkCode) == typeName)
            .Field("id", "ID!", ctx => NodeId.Encode("Inspection", ctx.Parent<Inspection>().Id))
            .Field("startDate", "Date!", ctx => ctx.Parent<Inspection>().StartDate)
            .Field("publishedDate", "Date", ctx => ctx.Parent<Inspection>().PublishedDate)
            .Field("type", "InspectionType!", ctx => ctx.Parent<Inspection>().Type)
            .Field("framework", "EstynFramework!", f => f.Resolve(ctx =>
                ctx.LoadOneAsync<string, EstynFramework>("EstynFramework.byCode", ctx.Parent<Inspection>().FrameworkCode,
                    (db, keys, ct) => db.EstynFrameworks.Where(x => keys.Contains(x.Code)).ToListAsync(ct), x => x.Code)))
            .Field("school", "School", f => f.Resolve(ctx =>
                ctx.Parent<Inspection>().SchoolId is { } id ? OrganisationModule.SchoolById(ctx, id) : Task.FromResult<School?>(null)))
            .Field("followUps", "[FollowUp!]!", f => f.Resolve(ctx => ctx.LoadGroupAsync<int, FollowUp>("Inspection.followUps", ctx.Parent<Inspection>().Id,
                (db, keys, ct) => db.FollowUps.Where(x => keys.Contains(x.InspectionId)).OrderBy(x => x.StartDate).ThenBy(x => x.Id).ToListAsync(ct), x => x.InspectionId)))
            .Field("recommendations", "[Recommendation!]!", f => f.Resolve(ctx => ctx.LoadGroupAsync<int, Recommendation>("Inspection.recommendations", ctx.Parent<Inspection>().Id,
                (db, keys, ct) => db.Recommendations.Where(x => keys.Contains(x.InspectionId)).OrderBy(x => x.Sequence).ToListAsync(ct), x => x.InspectionId)))
            .Field("version", "Int!", ctx => ctx.Parent<Inspection>().Version);

        static Task<IReadOnlyList<InspectionJudgement>> Judgements(IResolverContext ctx) =>
            ctx.LoadGroupAsync<int, InspectionJudgement>("Inspection.judgements", ctx.Parent<Inspection>().Id,
                (db, keys, ct) => db.InspectionJudgements.Include(j => j.Area).Include(j => j.Grade)
                    .Where(x => keys.Contains(x.InspectionId)).OrderBy(x => x.Area!.SortOrder).ToListAsync(ct), x => x.InspectionId);

        static async Task<object?> Overall(IResolverContext ctx, string area) =>
            (await Judgements(ctx)).FirstOrDefault(j => j.AreaCode == area)?.GradeCode;

        b.Object("Pre2010Inspection", t =>
        {
            Common(t, "Pre2010Inspection");
            t.Description("An inspection under the framework before 2010 (seven key questions, grades 1-5).")
                .Field("keyQuestions", "[Pre2010Judgement!]!", f => f.Resolve(ctx => Judgements(ctx)));
        });
        b.Object("Pre2010Judgement", t => t
            .Field("keyQuestion", "Pre2010KeyQuestion!", ctx => ctx.Parent<InspectionJudgement>().AreaCode)
            .Field("grade", "Pre2010Grade!", ctx => ctx.Parent<InspectionJudgement>().GradeCode)
            .Field("gradeLabel", "String!", ctx => ctx.Parent<InspectionJudgement>().Grade!.Label));

        b.Object("Cif2010Inspection", t =>
        {
            Common(t, "Cif2010Inspection");
            t.Description("An inspection under the Common Inspection Framework 2010 (Sep 2010 - Aug 2017).")
                .Field("currentPerformance", "Cif2010Grade", f => f.Description("Overall judgement: current performance.")
                    .Resolve(ctx => Overall(ctx, "CURRENT_PERFORMANCE")))
                .Field("prospectsForImprovement", "Cif2010Grade", f => f.Description("Overall judgement: prospects for improvement.")
                    .Resolve(ctx => Overall(ctx, "PROSPECTS")))
                .Field("keyQuestions", "[Cif2010Judgement!]!", f => f.Resolve(async ctx =>
                    (await Judgements(ctx)).Where(j => j.Area!.Kind == EstynAreaKind.KeyQuestion).ToList()));
        });
        b.Object("Cif2010Judgement", t => t
            .Field("keyQuestion", "Cif2010KeyQuestion!", ctx => ctx.Parent<InspectionJudgement>().AreaCode)
            .Field("grade", "Cif2010Grade!", ctx => ctx.Parent<InspectionJudgement>().GradeCode)
            .Field("gradeLabel", "String!", ctx => ctx.Parent<InspectionJudgement>().Grade!.Label));

        b.Object("Cif2017Inspection", t =>
        {
            Common(t, "Cif2017Inspection");
            t.Description("An inspection under the Common Inspection Framework 2017 (five inspection areas).")
                .Field("inspectionAreas", "[Cif2017Judgement!]!", f => f.Resolve(ctx => Judgements(ctx)));
        });
        b.Object("Cif2017Judgement", t => t
            .Field("area", "Cif2017InspectionArea!", ctx => ctx.Parent<InspectionJudgement>().AreaCode)
            .Field("grade", "Cif2017Grade!", ctx => ctx.Parent<InspectionJudgement>().GradeCode)
            .Field("gradeLabel", "String!", ctx => ctx.Parent<InspectionJudgement>().Grade!.Label));

        b.Object("UngradedInspection", t =>
        {
            Common(t, "UngradedInspection");
            t.Description("An inspection without summative grades (from 2022; arrangements from September 2024).")
                .Field("gradesUnavailable", "SeriesUnavailable!", ctx =>
                    new SeriesUnavailable(DataSeries.EstynGrades, SeriesUnavailableReason.Ended,
                        "Estyn stopped giving summative grades in early 2022; this inspection has none."));
        });

        b.Object<FollowUp>(t => t
            .Description("An Estyn follow-up category after an inspection, from its start until removed.")
            .Field(f => f.Category).Field(f => f.StartDate).Field(f => f.RemovedDate)
            .Field("isStatutory", "Boolean!", f => f.Description("Special measures and significant improvement are statutory (a post-inspection action plan is required).")
                .Resolve(ctx => ctx.Parent<FollowUp>().Category is FollowUpCategory.SpecialMeasures or FollowUpCategory.SignificantImprovement))
            .Field("inspection", "Inspection!", f => f.Resolve(ctx => InspectionById(ctx, ctx.Parent<FollowUp>().InspectionId)))
            .Field(f => f.Version));
        b.Object<Recommendation>(t => t.Field(r => r.Sequence).Field(r => r.Text));

        b.Object("School", t => t
            .Field("inspections", "[Inspection!]!", f => f
                .Description("Estyn inspections, most recent first.")
                .Resolve(ctx => InspectionsOf(ctx, ctx.Parent<School>().Id)))
            .Field("latestInspection", "Inspection", f => f
                .Description("The most recent inspection (shares the inspections batch).")
                .Resolve(async ctx => (await InspectionsOf(ctx, ctx.Parent<School>().Id)).FirstOrDefault()))
            .Field("currentFollowUp", "FollowUp", f => f
                .Description("The Estyn follow-up current on the date (default today): started on or before it and not removed by then; null when none.")
                .Argument("asOf", "Date")
                .Resolve(ctx =>
                {
                    var asOf = ctx.GetArgument<DateOnly?>("asOf") ?? DateOnly.FromDateTime(DateTime.UtcNow);
                    return ctx.LoadOneAsync<int, FollowUp>("School.currentFollowUp@" + asOf.ToString("O"), ctx.Parent<School>().Id,
                        (db, keys, ct) => db.FollowUps.Include(x => x.Inspection)
                            .Where(x => x.Category != FollowUpCategory.None && x.StartDate <= asOf && (x.RemovedDate == null || x.RemovedDate > asOf)
                                && x.Inspection!.SchoolId != null && keys.Contains(x.Inspection.SchoolId.Value))
                            .OrderByDescending(x => x.StartDate).ToListAsync(ct),
                        x => x.Inspection!.SchoolId!.Value);
                })));
    }

    public static Task<IReadOnlyList<Inspection>> InspectionsOf(IResolverContext ctx, int schoolId) =>
        ctx.LoadGroupAsync<int, Inspection>("School.inspections", schoolId,
            (db, keys, ct) => db.Inspections.Where(i => i.SchoolId != null && keys.Contains(i.SchoolId.Value))
                .OrderByDescending(i => i.StartDate).ThenByDescending(i => i.Id).ToListAsync(ct),
            i => i.SchoolId!.Value);

    public static Task<Inspection?> InspectionById(IResolverContext ctx, int id) =>
        ctx.LoadOneAsync<int, Inspection>("Inspection.byId", id, (db, keys, ct) => db.Inspections.Where(i => keys.Contains(i.Id)).ToListAsync(ct), i => i.Id);
}
