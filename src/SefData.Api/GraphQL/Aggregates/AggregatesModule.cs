using Microsoft.EntityFrameworkCore;
using SefData.Api.GraphQL.Core;
using SefData.Api.GraphQL.Organisation;
using SefData.Domain;
using SefData.GraphQL.Types;

namespace SefData.Api.GraphQL.Aggregates;

/// <summary>
/// Roll-ups for dashboards on Wales, LocalAuthority and Consortium: colour distributions and transitions, Estyn
/// grade distributions, follow-up counts, and the consortium dashboards (measures vs Wales, collaboration, alerts).
/// Everything is counted in the database (GROUP BY) on request, so <c>computedAt</c> is the request time and
/// <c>stale</c> is false; stored roll-ups refreshed by a job (Quartz, on the roadmap) would set both honestly.
/// Small counts are suppressed by the rule in <see cref="Suppression"/>.
/// </summary>
public sealed class AggregatesModule : ISchemaModule
{
    public void Configure(SchemaModuleContext context)
    {
        var b = context.Builder;
        b.Enum<ColourDimension>().Enum<SupportColour>().Enum<FollowUpCategory>().Enum<GroupType>().Enum<Sector>();
        Types(b);

        // The same roll-ups on each level; a consortium's schools are those of its member LAs as at the year (or date).
        b.Object<WalesRoot>(t => Scoped(t, _ => RollUpScope.Wales), "Wales");
        b.Object<LocalAuthority>(t => Scoped(t, ctx => new RollUpScope(RollUpScopeKind.LocalAuthority, ctx.Parent<LocalAuthority>().LaCode)));
        b.Object<Consortium>(t =>
        {
            Scoped(t, ctx => new RollUpScope(RollUpScopeKind.Consortium, ctx.Parent<Consortium>().Code));
            t.Field("measureComparison", "MeasureComparisons!", f => f
                    .Description("The region against Wales for a year: cohort-weighted averages of school values, eFSM gap (non-eFSM minus eFSM) and value added (value minus estimate), computed in SQL. All measures unless `measures` lists codes.")
                    .Argument("year", "AcademicYear!").Argument("measures", "[String!]")
                    .Resolve(ctx => OtherRollUps.MeasuresAsync(ctx, new RollUpScope(RollUpScopeKind.Consortium, ctx.Parent<Consortium>().Code))))
                .Field("collaboration", "CollaborationUse!", f => f
                    .Description("Collaboration groups of the consortium active in the year by type (SIGs, pathfinder pairings, hubs, peer enquiries...), those completed in it, and schools taking part.")
                    .Argument("year", "AcademicYear!")
                    .Resolve(ctx => OtherRollUps.CollaborationAsync(ctx, ctx.Parent<Consortium>().Code)))
                .Field("alerts", "ConsortiumAlerts!", f => f
                    .Description("Schools needing attention in the year (schools of the member LAs as at the year).")
                    .Argument("year", "AcademicYear!")
                    .Resolve(ctx => new ConsortiumAlerts(new RollUpScope(RollUpScopeKind.Consortium, ctx.Parent<Consortium>().Code), ctx.GetArgument<string>("year")!)));
        });
    }

    private static void Scoped<T>(ObjectTypeBuilder<T> t, Func<IResolverContext, RollUpScope> scopeOf) => t
        .Field("colourDistribution", "ColourDistributionResult!", f => f
            .Description("Schools by support colour in the year, optionally broken down (GROUP BY in SQL), with change from the previous year. SeriesUnavailable for years with no categorisation.")
            .Argument("year", "AcademicYear!")
            .Argument("by", "[ColourDimension!]", a => a.Description("Breakdown dimensions; none = the scope as a whole."))
            .Resolve(ctx => { var s = scopeOf(ctx); return ColourRollUps.DistributionAsync(ctx, s.Kind, s.Code); }))
        .Field("colourTransitions", "ColourTransitionsResult!", f => f
            .Description("From-colour x to-colour counts of the schools categorised in both years (scope as at `to`), and the movers.")
            .Argument("from", "AcademicYear!").Argument("to", "AcademicYear!")
            .Resolve(ctx => ColourRollUps.TransitionsAsync(ctx, scopeOf(ctx))))
        .Field("estynGradeDistribution", "EstynGradeDistributionResult!", f => f
            .Description("Grades given in school inspections that started in the academic year, per framework, area and grade. SeriesUnavailable from 2022/23 (no summative grades).")
            .Argument("year", "AcademicYear!")
            .Resolve(ctx => OtherRollUps.EstynAsync(ctx, scopeOf(ctx))))
        .Field("followUpCounts", "FollowUpCounts!", f => f
            .Description("Estyn follow-ups current on the date (default today) by category.")
            .Argument("asOf", "Date")
            .Resolve(ctx => OtherRollUps.FollowUpsAsync(ctx, scopeOf(ctx))));

    private static TB RollUpFields<TB>(TB t) where TB : ComplexTypeBuilder<TB> => t
        .Implements("RollUp")
        .Field("computedAt", "DateTime!", ctx => ((IRollUp)ctx.Parent!).ComputedAt)
        .Field("sourceVersion", "String!", ctx => ((IRollUp)ctx.Parent!).SourceVersion)
        .Field("stale", "Boolean!", _ => false)
        .Field("suppressionThreshold", "Int!", ctx => ((IRollUp)ctx.Parent!).SuppressionThreshold);

    private static void Types(SchemaBuilder b)
    {
        b.Interface("RollUp", i => i
            .Description("A figure computed over many rows. Computed on request in SQL: computedAt = now, stale = false. Counts below suppressionThreshold are null with suppressed: true, and further cells are suppressed so none can be recovered by subtraction.")
            .Field("computedAt", "DateTime!")
            .Field("sourceVersion", "String!", f => f.Description("Signature of the counted source rows (table:rows:sum of versions:max id); changes when any of them changes."))
            .Field("stale", "Boolean!", f => f.Description("Always false for on-request roll-ups."))
            .Field("suppressionThreshold", "Int!"));

        b.Object<Cell>(t => t
            .Description("A count that may be suppressed (small-cell rule): count is null when suppressed.")
            .Field("count", "Int", ctx => ctx.Parent<Cell>().Shown)
            .Field("suppressed", "Boolean!", ctx => ctx.Parent<Cell>().Suppressed), "SuppressibleCount");

        b.Object<ColourCount>(t => t
            .Field(c => c.Colour, "SupportColour!")
            .Field("count", "Int", ctx => ctx.Parent<ColourCount>().Cell.Shown)
            .Field("percent", "Float", f => f.Description("Of the group's total; null when the count or the total is suppressed.")
                .Resolve(ctx => Suppression.Percent(ctx.Parent<ColourCount>().Cell, ctx.Parent<ColourCount>().Total)))
            .Field("suppressed", "Boolean!", ctx => ctx.Parent<ColourCount>().Cell.Suppressed)
            .Field("changeFromPreviousYear", "Int", f => f.Description("Count minus the previous year's count for the same group and colour; null unless both are published.")
                .Resolve(ctx => ctx.Parent<ColourCount>().Change)));

        b.Object<ColourGroup>(t => t
            .Description("One combination of the requested dimensions; fields of dimensions not requested are null.")
            .Field("localAuthority", "LocalAuthority", f => f.Resolve(ctx =>
                ctx.Parent<ColourGroup>().LaCode is { } la ? OrganisationModule.AuthorityByCode(ctx, la) : Task.FromResult<LocalAuthority?>(null)))
            .Field("sector", "Sector", ctx => ctx.Parent<ColourGroup>().Sector)
            .Field("languageCategory", "LanguageCategory", f => f.Resolve(ctx =>
                ctx.Parent<ColourGroup>().LanguageCategoryId is { } id
                    ? ctx.LoadOneAsync<string, LanguageCategory>("Aggregates.languageCategory", id,
                        (db, keys, ct) => db.LanguageCategories.Where(l => keys.Contains(l.Id)).ToListAsync(ct), l => l.Id)
                    : Task.FromResult<LanguageCategory?>(null)))
            .Field("total", "SuppressibleCount!", ctx => ctx.Parent<ColourGroup>().Total)
            .Field("colours", "[ColourCount!]!", ctx => ctx.Parent<ColourGroup>().Colours));

        b.Object<ColourDistribution>(t => RollUpFields(t
            .Description("Schools categorised in the year by support colour: the scope as a whole (colours, total) and per group.")
            .Field("year", "AcademicYear!", ctx => ctx.Parent<ColourDistribution>().Year)
            .Field("by", "[ColourDimension!]!", ctx => ctx.Parent<ColourDistribution>().Dimensions)
            .Field("total", "SuppressibleCount!", ctx => ctx.Parent<ColourDistribution>().Total)
            .Field("colours", "[ColourCount!]!", ctx => ctx.Parent<ColourDistribution>().Colours)
            .Field("groups", "[ColourGroup!]!", ctx => ctx.Parent<ColourDistribution>().Groups)));
        b.Union("ColourDistributionResult", u => u.Members("ColourDistribution", "SeriesUnavailable"));

        b.Object<ColourTransitionCell>(t => t
            .Field("from", "SupportColour!", ctx => ctx.Parent<ColourTransitionCell>().From)
            .Field("to", "SupportColour!", ctx => ctx.Parent<ColourTransitionCell>().To)
            .Field("count", "Int", ctx => ctx.Parent<ColourTransitionCell>().Cell.Shown)
            .Field("percent", "Float", ctx => Suppression.Percent(ctx.Parent<ColourTransitionCell>().Cell, ctx.Parent<ColourTransitionCell>().Total))
            .Field("suppressed", "Boolean!", ctx => ctx.Parent<ColourTransitionCell>().Cell.Suppressed));
        b.Object<ColourMove>(t => t
            .Field("school", "School!", f => f.Resolve(ctx => OrganisationModule.SchoolById(ctx, ctx.Parent<ColourMove>().SchoolId)))
            .Field("fromYear", "AcademicYear!", ctx => ctx.Parent<ColourMove>().FromYear)
            .Field("fromColour", "SupportColour!", ctx => ctx.Parent<ColourMove>().FromColour)
            .Field("toYear", "AcademicYear!", ctx => ctx.Parent<ColourMove>().ToYear)
            .Field("toColour", "SupportColour!", ctx => ctx.Parent<ColourMove>().ToColour));
        b.Object<ColourTransitions>(t => RollUpFields(t
            .Description("A from-colour x to-colour matrix (16 cells) of the schools categorised in both years.")
            .Field("fromYear", "AcademicYear!", ctx => ctx.Parent<ColourTransitions>().FromYear)
            .Field("toYear", "AcademicYear!", ctx => ctx.Parent<ColourTransitions>().ToYear)
            .Field("total", "SuppressibleCount!", ctx => ctx.Parent<ColourTransitions>().Total)
            .Field("cells", "[ColourTransitionCell!]!", ctx => ctx.Parent<ColourTransitions>().Cells)
            .Field("movers", "[ColourMove!]!", f => f
                .Description("Schools that changed colour (optionally only from/to the given colours), by school number; at most `first` (max 500). Named schools for case work: not suppressed.")
                .Argument("fromColour", "SupportColour").Argument("toColour", "SupportColour").Argument("first", "Int", 50)
                .Resolve(ctx =>
                {
                    var x = ctx.Parent<ColourTransitions>();
                    return ColourRollUps.MovesAsync(ctx, x.Scope, x.FromYear, x.ToYear, ctx.GetArgument<SupportColour?>("fromColour"),
                        ctx.GetArgument<SupportColour?>("toColour"), 0, RollUpQueries.First(ctx));
                }))));
        b.Union("ColourTransitionsResult", u => u.Members("ColourTransitions", "SeriesUnavailable"));

        // Estyn grades: one type per framework, with that framework's area and grade enums.
        b.Enum("Cif2010JudgementArea", e => e.Description("Judgement areas of the CIF 2010: the two overall judgements and the three key questions.")
            .Value("CURRENT_PERFORMANCE", "CURRENT_PERFORMANCE").Value("PROSPECTS_FOR_IMPROVEMENT", "PROSPECTS")
            .Value("KQ1", "KQ1").Value("KQ2", "KQ2").Value("KQ3", "KQ3"));
        void FrameworkTypes(string prefix, string areaField, string areaEnum, string gradeEnum)
        {
            b.Object(prefix + "GradeCount", t => t
                .Field("grade", gradeEnum + "!", ctx => ctx.Parent<GradeCount>().Grade)
                .Field("count", "Int", ctx => ctx.Parent<GradeCount>().Cell.Shown)
                .Field("percent", "Float", ctx => Suppression.Percent(ctx.Parent<GradeCount>().Cell, ctx.Parent<GradeCount>().Total))
                .Field("suppressed", "Boolean!", ctx => ctx.Parent<GradeCount>().Cell.Suppressed));
            b.Object(prefix + "AreaGrades", t => t
                .Field(areaField, areaEnum + "!", ctx => ctx.Parent<AreaGrades>().Area)
                .Field("judgements", "SuppressibleCount!", f => f.Description("Inspections judged in this area.").Resolve(ctx => ctx.Parent<AreaGrades>().Total))
                .Field("grades", $"[{prefix}GradeCount!]!", ctx => ctx.Parent<AreaGrades>().Grades));
        }
        FrameworkTypes("Pre2010", "keyQuestion", "Pre2010KeyQuestion", "Pre2010Grade");
        FrameworkTypes("Cif2010", "area", "Cif2010JudgementArea", "Cif2010Grade");
        FrameworkTypes("Cif2017", "area", "Cif2017InspectionArea", "Cif2017Grade");
        static List<AreaGrades> Of(IResolverContext ctx, string framework) => ctx.Parent<EstynGradeDistribution>().Areas.Where(a => a.Framework == framework).ToList();
        b.Object<EstynGradeDistribution>(t => RollUpFields(t
            .Description("Grades of school inspections that started in the academic year. The framework in force that year is always listed (empty counts suppressed); others only when used.")
            .Field("year", "AcademicYear!", ctx => ctx.Parent<EstynGradeDistribution>().Year)
            .Field("pre2010", "[Pre2010AreaGrades!]!", ctx => Of(ctx, "PRE2010"))
            .Field("cif2010", "[Cif2010AreaGrades!]!", ctx => Of(ctx, "CIF2010"))
            .Field("cif2017", "[Cif2017AreaGrades!]!", ctx => Of(ctx, "CIF2017"))));
        b.Union("EstynGradeDistributionResult", u => u.Members("EstynGradeDistribution", "SeriesUnavailable"));

        b.Object<FollowUpCount>(t => t
            .Field("category", "FollowUpCategory!", ctx => ctx.Parent<FollowUpCount>().Category)
            .Field("count", "Int", ctx => ctx.Parent<FollowUpCount>().Cell.Shown)
            .Field("percent", "Float", ctx => Suppression.Percent(ctx.Parent<FollowUpCount>().Cell, ctx.Parent<FollowUpCount>().Total))
            .Field("suppressed", "Boolean!", ctx => ctx.Parent<FollowUpCount>().Cell.Suppressed));
        b.Object<FollowUpCounts>(t => RollUpFields(t
            .Description("Follow-ups current on the date by category (NONE excluded); a school with two current follow-ups counts in each.")
            .Field("asOf", "Date!", ctx => ctx.Parent<FollowUpCounts>().AsOf)
            .Field("total", "SuppressibleCount!", ctx => ctx.Parent<FollowUpCounts>().Total)
            .Field("categories", "[FollowUpCount!]!", ctx => ctx.Parent<FollowUpCounts>().Categories)));

        b.Object<MeasureRollUp>(t => t
            .Description("Cohort-weighted averages over the scope's schools; null when fewer schools than the threshold contribute.")
            .Field("schools", "SuppressibleCount!", ctx => ctx.Parent<MeasureRollUp>().Schools)
            .Field("cohort", "Int", ctx => ctx.Parent<MeasureRollUp>().Cohort)
            .Field("average", "Float", ctx => ctx.Parent<MeasureRollUp>().Average)
            .Field("efsmAverage", "Float", ctx => ctx.Parent<MeasureRollUp>().EfsmAverage)
            .Field("nonEfsmAverage", "Float", ctx => ctx.Parent<MeasureRollUp>().NonEfsmAverage)
            .Field("fsmGap", "Float", f => f.Description("Non-eFSM average minus eFSM average.").Resolve(ctx => ctx.Parent<MeasureRollUp>().FsmGap))
            .Field("valueAdded", "Float", f => f.Description("Cohort-weighted mean of value minus estimate.").Resolve(ctx => ctx.Parent<MeasureRollUp>().ValueAdded)));
        b.Object<MeasureComparison>(t => t
            .Field("measureCode", "String!", ctx => ctx.Parent<MeasureComparison>().MeasureCode)
            .Field("measure", "Measure", f => f.Resolve(ctx => ctx.LoadOneAsync<string, Measure>("Aggregates.measure", ctx.Parent<MeasureComparison>().MeasureCode,
                (db, keys, ct) => db.Measures.Where(m => keys.Contains(m.Code)).ToListAsync(ct), m => m.Code)))
            .Field("region", "MeasureRollUp!", ctx => ctx.Parent<MeasureComparison>().Region)
            .Field("wales", "MeasureRollUp!", ctx => ctx.Parent<MeasureComparison>().Wales));
        b.Object<MeasureComparisons>(t => RollUpFields(t
            .Field("year", "AcademicYear!", ctx => ctx.Parent<MeasureComparisons>().Year)
            .Field("measures", "[MeasureComparison!]!", ctx => ctx.Parent<MeasureComparisons>().Measures)));

        b.Object<CollaborationTypeUse>(t => t
            .Field("type", "GroupType!", ctx => ctx.Parent<CollaborationTypeUse>().Type)
            .Field("activeGroups", "Int!", ctx => ctx.Parent<CollaborationTypeUse>().ActiveGroups)
            .Field("completedGroups", "Int!", f => f.Description("Groups that ended within the year.").Resolve(ctx => ctx.Parent<CollaborationTypeUse>().EndedGroups))
            .Field("schools", "SuppressibleCount!", f => f.Description("Distinct schools with a membership during the year.").Resolve(ctx => ctx.Parent<CollaborationTypeUse>().Schools)));
        b.Object<CollaborationUse>(t => RollUpFields(t
            .Field("year", "AcademicYear!", ctx => ctx.Parent<CollaborationUse>().Year)
            .Field("types", "[CollaborationTypeUse!]!", ctx => ctx.Parent<CollaborationUse>().Types)
            .Field("sigs", "Int!", f => f.Description("School improvement groups active in the year.").Resolve(ctx => ctx.Parent<CollaborationUse>().Count(GroupType.Sig)))
            .Field("pathfinderPairings", "Int!", ctx => ctx.Parent<CollaborationUse>().Count(GroupType.Pathfinder))
            .Field("hubs", "Int!", ctx => ctx.Parent<CollaborationUse>().Count(GroupType.Hub))
            .Field("peerEnquiriesCompleted", "Int!", ctx => ctx.Parent<CollaborationUse>().Count(GroupType.PeerEnquiry, ended: true))));

        b.Object<FollowUpAlert>(t => t
            .Field("school", "School!", f => f.Resolve(ctx => OrganisationModule.SchoolById(ctx, ctx.Parent<FollowUpAlert>().SchoolId)))
            .Field("followUp", "FollowUp!", ctx => ctx.Parent<FollowUpAlert>().FollowUp));
        b.Object<ColourMoves>(t => t
            .Field("fromYear", "AcademicYear!", ctx => ctx.Parent<ColourMoves>().FromYear)
            .Field("toYear", "AcademicYear!", ctx => ctx.Parent<ColourMoves>().ToYear)
            .Field("moves", "[ColourMove!]!", ctx => ctx.Parent<ColourMoves>().Moves));
        b.Union("ColourMovesResult", u => u.Members("ColourMoves", "SeriesUnavailable"));
        b.Object<ConsortiumAlerts>(t => t
            .Field("year", "AcademicYear!", ctx => ctx.Parent<ConsortiumAlerts>().Year)
            .Field("enteredFollowUp", "[FollowUpAlert!]!", f => f
                .Description("Schools that entered significant improvement or special measures in the year (by start date). With `openOn`, only those still in that follow-up on the date, so the alert clears when the school is removed from it.")
                .Argument("first", "Int", 100)
                .Argument("openOn", "Date")
                .Resolve(ctx => OtherRollUps.EnteredFollowUpAsync(ctx, ctx.Parent<ConsortiumAlerts>(), RollUpQueries.First(ctx, 100))))
            .Field("worsenedByTwoColours", "ColourMovesResult!", f => f
                .Description("Schools whose colour worsened by two or more steps since the previous year (e.g. green to amber, yellow to red).")
                .Argument("first", "Int", 100)
                .Resolve(async ctx =>
                {
                    var a = ctx.Parent<ConsortiumAlerts>();
                    var previous = RollUpQueries.PreviousYear(a.Year);
                    if ((SeriesRules.Categorisation(a.Year) ?? SeriesRules.Categorisation(previous)) is { } gap) return (object)gap;
                    return new ColourMoves(previous, a.Year, await ColourRollUps.MovesAsync(ctx, a.Scope, previous, a.Year, null, null, 2, RollUpQueries.First(ctx, 100)));
                }))
            .Field("noChallengeAdviser", "[School!]!", f => f
                .Description("Schools open during the year with no challenge adviser assigned for it, by school number.")
                .Argument("first", "Int", 100)
                .Resolve(ctx => OtherRollUps.NoChallengeAdviserAsync(ctx, ctx.Parent<ConsortiumAlerts>(), RollUpQueries.First(ctx, 100)))));
    }
}
