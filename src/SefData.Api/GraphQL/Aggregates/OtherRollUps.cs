using Microsoft.EntityFrameworkCore;
using SefData.Api.GraphQL.Core;
using SefData.Domain;
using SefData.GraphQL.Types;

namespace SefData.Api.GraphQL.Aggregates;

public sealed class GradeCount(string grade, Cell cell, Cell total)
{
    public string Grade { get; } = grade;
    public Cell Cell { get; } = cell;
    public Cell Total { get; } = total;
}

/// <summary>Grades given in one judgement area of one framework.</summary>
public sealed class AreaGrades(string framework, string area, Cell total, IReadOnlyList<GradeCount> grades)
{
    public string Framework { get; } = framework;
    public string Area { get; } = area;
    public Cell Total { get; } = total;
    public IReadOnlyList<GradeCount> Grades { get; } = grades;
}

public sealed class EstynGradeDistribution : IRollUp
{
    public required string Year { get; init; }
    public required IReadOnlyList<AreaGrades> Areas { get; init; }
    public required DateTimeOffset ComputedAt { get; init; }
    public required string SourceVersion { get; init; }
    public required int SuppressionThreshold { get; init; }
}

public sealed class FollowUpCount(FollowUpCategory category, Cell cell, Cell total)
{
    public FollowUpCategory Category { get; } = category;
    public Cell Cell { get; } = cell;
    public Cell Total { get; } = total;
}

public sealed class FollowUpCounts : IRollUp
{
    public required DateOnly AsOf { get; init; }
    public required Cell Total { get; init; }
    public required IReadOnlyList<FollowUpCount> Categories { get; init; }
    public required DateTimeOffset ComputedAt { get; init; }
    public required string SourceVersion { get; init; }
    public required int SuppressionThreshold { get; init; }
}

/// <summary>SUMs over school measure values of one subgroup (the GROUP BY row).</summary>
public sealed record MeasureSums(string Scope, string MeasureCode, Subgroup Subgroup, int Schools, double Cohort, double WeightedValue,
    double WeightedValueAdded, double ValueAddedCohort, long VersionSum, int MaxId);

/// <summary>Cohort-weighted averages of one measure over the schools of a scope.</summary>
public sealed class MeasureRollUp(IReadOnlyDictionary<Subgroup, MeasureSums> sums, int threshold)
{
    private MeasureSums? Published(Subgroup g) => sums.TryGetValue(g, out var s) && s.Schools >= threshold && s.Cohort > 0 ? s : null;

    public Cell Schools { get; } = new(sums.TryGetValue(Subgroup.All, out var a) ? a.Schools : 0) { Suppressed = !sums.TryGetValue(Subgroup.All, out var b) || b.Schools < threshold };
    public int? Cohort => Published(Subgroup.All) is { } s ? (int)s.Cohort : null;
    public double? Average => Published(Subgroup.All) is { } s ? Math.Round(s.WeightedValue / s.Cohort, 2) : null;
    public double? EfsmAverage => Published(Subgroup.Efsm) is { } s ? Math.Round(s.WeightedValue / s.Cohort, 2) : null;
    public double? NonEfsmAverage => Published(Subgroup.NonEfsm) is { } s ? Math.Round(s.WeightedValue / s.Cohort, 2) : null;

    /// <summary>The eFSM gap: non-eFSM value minus eFSM value (DOMAIN.md 3(c)).</summary>
    public double? FsmGap => Published(Subgroup.Efsm) is { } e && Published(Subgroup.NonEfsm) is { } n
        ? Math.Round(n.WeightedValue / n.Cohort - e.WeightedValue / e.Cohort, 2) : null;

    /// <summary>Cohort-weighted mean of (value - estimate) over the schools that have an estimate.</summary>
    public double? ValueAdded => Published(Subgroup.All) is { ValueAddedCohort: > 0 } s ? Math.Round(s.WeightedValueAdded / s.ValueAddedCohort, 2) : null;
}

public sealed class MeasureComparison(string measureCode, string year, MeasureRollUp region, MeasureRollUp wales)
{
    public string MeasureCode { get; } = measureCode;
    public string Year { get; } = year;
    public MeasureRollUp Region { get; } = region;
    public MeasureRollUp Wales { get; } = wales;
}

public sealed class MeasureComparisons : IRollUp
{
    public required string Year { get; init; }
    public required IReadOnlyList<MeasureComparison> Measures { get; init; }
    public required DateTimeOffset ComputedAt { get; init; }
    public required string SourceVersion { get; init; }
    public required int SuppressionThreshold { get; init; }
}

public sealed record CollaborationTypeUse(GroupType Type, int ActiveGroups, int EndedGroups, Cell Schools);

public sealed class CollaborationUse : IRollUp
{
    public required string Year { get; init; }
    public required IReadOnlyList<CollaborationTypeUse> Types { get; init; }
    public required DateTimeOffset ComputedAt { get; init; }
    public required string SourceVersion { get; init; }
    public required int SuppressionThreshold { get; init; }
    public int Count(GroupType t, bool ended = false) => Types.Where(x => x.Type == t).Sum(x => ended ? x.EndedGroups : x.ActiveGroups);
}

/// <summary>A GROUP BY row: current follow-ups of one category in one scope.</summary>
public sealed record FollowUpRow(string Scope, FollowUpCategory Category, int Count, long VersionSum, int MaxId);

public sealed record ConsortiumAlerts(RollUpScope Scope, string Year);

/// <summary>One judgement tagged with its scope (an intermediate SQL projection).</summary>
public sealed class GradeFact
{
    public string Scope { get; set; } = "";
    public string FrameworkCode { get; set; } = "";
    public string AreaCode { get; set; } = "";
    public string GradeCode { get; set; } = "";
    public int Id { get; set; }
    public int Version { get; set; }
}

/// <summary>A GROUP BY row: judgements of one grade in one area and framework, in one scope.</summary>
public sealed record GradeRow(string Scope, string FrameworkCode, string AreaCode, string GradeCode, int Count, long VersionSum, int MaxId);

public sealed record FollowUpAlert(int SchoolId, FollowUp FollowUp);

public static class OtherRollUps
{
    /// <summary>Judgement areas and grades of each graded framework, in published order (codes as stored).</summary>
    public static readonly IReadOnlyDictionary<string, (string[] Areas, string[] Grades)> Frameworks = new Dictionary<string, (string[], string[])>
    {
        ["PRE2010"] = (["KQ1", "KQ2", "KQ3", "KQ4", "KQ5", "KQ6", "KQ7"], ["G1", "G2", "G3", "G4", "G5"]),
        ["CIF2010"] = (["CURRENT_PERFORMANCE", "PROSPECTS", "KQ1", "KQ2", "KQ3"], ["EXCELLENT", "GOOD", "ADEQUATE", "UNSATISFACTORY"]),
        ["CIF2017"] = (["IA1", "IA2", "IA3", "IA4", "IA5"], ["EXCELLENT", "GOOD", "ADEQUATE_NEEDS_IMPROVEMENT", "UNSATISFACTORY_URGENT"]),
    };

    /// <summary>The framework in force for school inspections starting in the year.</summary>
    public static string FrameworkInForce(string year) => AcademicYears.StartYear(year) switch
    {
        < 2010 => "PRE2010",
        < 2017 => "CIF2010",
        _ => "CIF2017",
    };

    /// <summary>Grades per framework, area and grade of school inspections that started in the year (GROUP BY in SQL).</summary>
    public static async Task<object?> EstynAsync(IResolverContext ctx, RollUpScope scope)
    {
        var year = ctx.GetArgument<string>("year")!;
        if (SeriesRules.EstynGrades(year) is { } gap) return gap;
        var (start, end) = RollUpQueries.YearWindow(year);
        var threshold = Suppression.Threshold(ctx.Services);
        var kind = scope.Kind;
        // Batched over every scope of the kind at this level: one GROUP BY (scope, framework, area, grade) command.
        var rows = await ctx.LoadGroupAsync<string, GradeRow>($"Aggregates.estyn@{kind}|{year}", scope.Code,
            (db, keys, ct) => GradeFacts(db, kind, keys, year, start, end)
                .GroupBy(j => new { j.Scope, j.FrameworkCode, j.AreaCode, j.GradeCode })
                .Select(g => new GradeRow(g.Key.Scope, g.Key.FrameworkCode, g.Key.AreaCode, g.Key.GradeCode, g.Count(), g.Sum(x => (long)x.Version), g.Max(x => x.Id)))
                .ToListAsync(ct),
            r => r.Scope);
        var inForce = FrameworkInForce(year);
        var areas = new List<AreaGrades>();
        var constraints = new List<SumConstraint>();
        foreach (var (framework, (areaCodes, gradeCodes)) in Frameworks)
        {
            if (framework != inForce && !rows.Any(r => r.FrameworkCode == framework)) continue;
            foreach (var area in areaCodes)
            {
                var cells = gradeCodes.Select(g => new Cell(rows.Where(r => r.FrameworkCode == framework && r.AreaCode == area && r.GradeCode == g).Sum(r => r.Count))).ToArray();
                var total = new Cell(cells.Sum(c => c.Value));
                areas.Add(new AreaGrades(framework, area, total, gradeCodes.Select((g, i) => new GradeCount(g, cells[i], total)).ToList()));
                constraints.Add(new SumConstraint(total, cells));
            }
        }
        Suppression.Apply(areas.SelectMany(a => a.Grades.Select(g => g.Cell)), constraints, threshold);
        return new EstynGradeDistribution
        {
            Year = year, Areas = areas, ComputedAt = DateTimeOffset.UtcNow, SuppressionThreshold = threshold,
            SourceVersion = SourceSignature.Of("InspectionJudgement", rows.Select(r => ((long)r.Count, r.VersionSum, (long)r.MaxId))),
        };
    }

    /// <summary>
    /// Judgements of school inspections that started in the window, tagged with the scope of the school (as at the
    /// year). Scoped from the judgement side, as <see cref="FollowUpRows"/> is: joining from the scope's schools made
    /// SQLite scan the judgements once per school.
    /// </summary>
    private static IQueryable<GradeFact> GradeFacts(SefData.Data.SefDataDbContext db, RollUpScopeKind kind, IReadOnlyCollection<string> codes,
        string year, DateOnly start, DateOnly end)
    {
        var judgements = db.InspectionJudgements.Where(j => j.Inspection!.Subject == InspectionSubject.School
            && j.Inspection.StartDate >= start && j.Inspection.StartDate <= end && j.Inspection.SchoolId != null);
        return kind switch
        {
            RollUpScopeKind.Wales => judgements.Select(j => new GradeFact { Scope = "", FrameworkCode = j.FrameworkCode, AreaCode = j.AreaCode, GradeCode = j.GradeCode, Id = j.Id, Version = j.Inspection!.Version }),
            RollUpScopeKind.LocalAuthority => judgements.Where(j => codes.Contains(j.Inspection!.School!.LaCode))
                .Select(j => new GradeFact { Scope = j.Inspection!.School!.LaCode, FrameworkCode = j.FrameworkCode, AreaCode = j.AreaCode, GradeCode = j.GradeCode, Id = j.Id, Version = j.Inspection.Version }),
            _ => from j in judgements
                 from m in db.ConsortiumMemberships
                 where m.LaCode == j.Inspection!.School!.LaCode && codes.Contains(m.ConsortiumCode)
                     && m.ValidFrom <= db.AcademicYears.Where(a => a.Code == year).Select(a => a.CensusDate ?? a.StartDate).FirstOrDefault()
                     && (m.ValidTo == null || m.ValidTo >= db.AcademicYears.Where(a => a.Code == year).Select(a => a.CensusDate ?? a.StartDate).FirstOrDefault())
                 select new GradeFact { Scope = m.ConsortiumCode, FrameworkCode = j.FrameworkCode, AreaCode = j.AreaCode, GradeCode = j.GradeCode, Id = j.Id, Version = j.Inspection!.Version },
        };
    }

    /// <summary>
    /// Follow-ups current on the date (started, not yet removed) by scope and category: GROUP BY in SQL, batched over
    /// every scope of the same kind asked at one level (all consortia of a dashboard = one command).
    /// </summary>
    public static IQueryable<FollowUpRow> FollowUpRows(SefData.Data.SefDataDbContext db, RollUpScopeKind kind, IReadOnlyCollection<string> codes, DateOnly asOf)
    {
        var current = db.FollowUps.Where(f => f.Category != FollowUpCategory.None && f.StartDate <= asOf
            && (f.RemovedDate == null || f.RemovedDate > asOf) && f.Inspection!.SchoolId != null);
        var facts = kind switch
        {
            RollUpScopeKind.Wales => current.Select(f => new { Scope = "", f.Category, f.Id, f.Version }),
            RollUpScopeKind.LocalAuthority => current.Where(f => codes.Contains(f.Inspection!.School!.LaCode))
                .Select(f => new { Scope = f.Inspection!.School!.LaCode, f.Category, f.Id, f.Version }),
            _ => from f in current
                 from m in db.ConsortiumMemberships
                 where m.LaCode == f.Inspection!.School!.LaCode && codes.Contains(m.ConsortiumCode)
                     && m.ValidFrom <= asOf && (m.ValidTo == null || m.ValidTo >= asOf)
                 select new { Scope = m.ConsortiumCode, f.Category, f.Id, f.Version },
        };
        return facts.GroupBy(f => new { f.Scope, f.Category })
            .Select(g => new FollowUpRow(g.Key.Scope, g.Key.Category, g.Count(), g.Sum(x => (long)x.Version), g.Max(x => x.Id)));
    }

    public static async Task<FollowUpCounts> FollowUpsAsync(IResolverContext ctx, RollUpScope scope)
    {
        var asOf = ctx.GetArgument<DateOnly?>("asOf") ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var threshold = Suppression.Threshold(ctx.Services);
        var kind = scope.Kind;
        var rows = await ctx.LoadGroupAsync<string, FollowUpRow>($"Aggregates.followUps@{kind}|{asOf:O}", scope.Code,
            (db, keys, ct) => FollowUpRows(db, kind, keys, asOf).ToListAsync(ct), r => r.Scope);
        var categories = Enum.GetValues<FollowUpCategory>().Where(c => c != FollowUpCategory.None).ToArray();
        var cells = categories.Select(c => new Cell(rows.Where(r => r.Category == c).Sum(r => r.Count))).ToArray();
        var total = new Cell(cells.Sum(c => c.Value));
        Suppression.Apply(cells, [new SumConstraint(total, cells)], threshold);
        return new FollowUpCounts
        {
            AsOf = asOf, Total = total, Categories = categories.Select((c, i) => new FollowUpCount(c, cells[i], total)).ToList(),
            ComputedAt = DateTimeOffset.UtcNow, SuppressionThreshold = threshold,
            SourceVersion = SourceSignature.Of("FollowUp", rows.Select(r => ((long)r.Count, r.VersionSum, (long)r.MaxId))),
        };
    }

    private static readonly Subgroup[] GapSubgroups = [Subgroup.All, Subgroup.Efsm, Subgroup.NonEfsm];

    /// <summary>Cohort-weighted SUMs per measure and subgroup over the school values of a scope (GROUP BY in SQL).</summary>
    private static Task<IReadOnlyList<MeasureSums>> MeasureSumsAsync(IResolverContext ctx, RollUpScope scope, string year, List<string>? measures)
    {
        var kind = scope.Kind;
        // Batched over every scope of the kind at this level: one GROUP BY (scope, measure, subgroup) command.
        return ctx.LoadGroupAsync<string, MeasureSums>($"Aggregates.measureSums@{kind}|{year}|{(measures is null ? "*" : string.Join(",", measures))}", scope.Code,
            (db, keys, ct) =>
            {
                var q = from s in RollUpQueries.ScopedSchoolsInYear(db, kind, keys, year)
                        from v in db.MeasureValues
                        where v.Subject == MeasureSubject.School && v.YearCode == year && GapSubgroups.Contains(v.Subgroup)
                            && v.CohortSize != null && v.CohortSize > 0 && v.SchoolId == s.SchoolId
                        select new { s.Scope, Value = v };
                if (measures is { Count: > 0 }) q = q.Where(x => measures.Contains(x.Value.MeasureCode));
                return q.Select(x => new
                    {
                        x.Scope, x.Value.MeasureCode, x.Value.Subgroup, x.Value.Id, x.Value.Version, W = (double)x.Value.CohortSize!.Value, X = (double)x.Value.Value,
                        Va = x.Value.Estimate == null ? 0.0 : ((double)x.Value.Value - (double)x.Value.Estimate.Value) * x.Value.CohortSize.Value,
                        VaW = x.Value.Estimate == null ? 0.0 : (double)x.Value.CohortSize.Value,
                    })
                    .GroupBy(v => new { v.Scope, v.MeasureCode, v.Subgroup })
                    .Select(g => new MeasureSums(g.Key.Scope, g.Key.MeasureCode, g.Key.Subgroup, g.Count(), g.Sum(x => x.W), g.Sum(x => x.X * x.W),
                        g.Sum(x => x.Va), g.Sum(x => x.VaW), g.Sum(x => (long)x.Version), g.Max(x => x.Id)))
                    .ToListAsync(ct);
            },
            r => r.Scope);
    }

    /// <summary>Region (the consortium as at the year) against Wales: cohort-weighted averages, eFSM gap and value added.</summary>
    public static async Task<MeasureComparisons> MeasuresAsync(IResolverContext ctx, RollUpScope scope)
    {
        var year = ctx.GetArgument<string>("year")!;
        var measures = ctx.GetArgument<List<string>>("measures");
        var threshold = Suppression.Threshold(ctx.Services);
        var region = MeasureSumsAsync(ctx, scope, year, measures);
        var wales = MeasureSumsAsync(ctx, RollUpScope.Wales, year, measures);
        var r = await region;
        var w = await wales;
        IReadOnlyDictionary<Subgroup, MeasureSums> Of(IReadOnlyList<MeasureSums> rows, string code) => rows.Where(x => x.MeasureCode == code).ToDictionary(x => x.Subgroup);
        var codes = w.Select(x => x.MeasureCode).Concat(r.Select(x => x.MeasureCode)).Distinct().Order(StringComparer.Ordinal).ToList();
        return new MeasureComparisons
        {
            Year = year,
            Measures = codes.Select(c => new MeasureComparison(c, year, new MeasureRollUp(Of(r, c), threshold), new MeasureRollUp(Of(w, c), threshold))).ToList(),
            ComputedAt = DateTimeOffset.UtcNow, SuppressionThreshold = threshold,
            SourceVersion = SourceSignature.Of("MeasureValue", w.Select(x => ((long)x.Schools, x.VersionSum, (long)x.MaxId))),
        };
    }

    /// <summary>
    /// Collaboration groups of the consortium active in the year (overlapping it) by type, those that ended in it
    /// (a completed peer enquiry, a finished pathfinder pairing), and distinct schools taking part (COUNT DISTINCT in SQL).
    /// </summary>
    public static async Task<CollaborationUse> CollaborationAsync(IResolverContext ctx, string consortiumCode)
    {
        var year = ctx.GetArgument<string>("year")!;
        var (start, end) = RollUpQueries.YearWindow(year);
        var threshold = Suppression.Threshold(ctx.Services);
        // Both counts are batched over every consortium at this level (GROUP BY consortium, type).
        var groups = await ctx.LoadGroupAsync<string, CollaborationGroupRow>($"Aggregates.collaborationGroups@{year}", consortiumCode,
            (db, keys, ct) => db.CollaborationGroups
                .Where(g => g.ConsortiumCode != null && keys.Contains(g.ConsortiumCode) && g.ValidFrom <= end && (g.ValidTo == null || g.ValidTo >= start))
                .GroupBy(g => new { g.ConsortiumCode, g.Type })
                .Select(g => new CollaborationGroupRow(g.Key.ConsortiumCode!, g.Key.Type, g.Count(), g.Count(x => x.ValidTo != null && x.ValidTo <= end),
                    g.Sum(x => (long)x.Version), g.Max(x => x.Id)))
                .ToListAsync(ct),
            r => r.Consortium);
        var schools = await ctx.LoadGroupAsync<string, CollaborationSchoolsRow>($"Aggregates.collaborationSchools@{year}", consortiumCode,
            (db, keys, ct) => db.GroupMemberships
                .Where(m => m.Group!.ConsortiumCode != null && keys.Contains(m.Group.ConsortiumCode) && m.Group.ValidFrom <= end && (m.Group.ValidTo == null || m.Group.ValidTo >= start)
                    && m.ValidFrom <= end && (m.ValidTo == null || m.ValidTo >= start))
                .Select(m => new { m.Group!.ConsortiumCode, m.Group.Type, m.SchoolId })
                .GroupBy(m => new { m.ConsortiumCode, m.Type })
                .Select(g => new CollaborationSchoolsRow(g.Key.ConsortiumCode!, g.Key.Type, g.Select(x => x.SchoolId).Distinct().Count()))
                .ToListAsync(ct),
            r => r.Consortium);
        var types = Enum.GetValues<GroupType>().Select(t =>
        {
            var cell = new Cell(schools.Where(s => s.Type == t).Sum(s => s.Schools));
            cell.Suppressed = cell.Value < threshold;   // schools are the counted unit; no totals are published, so no secondary suppression
            return new CollaborationTypeUse(t, groups.Where(g => g.Type == t).Sum(g => g.Active), groups.Where(g => g.Type == t).Sum(g => g.Ended), cell);
        }).ToList();
        return new CollaborationUse
        {
            Year = year, Types = types, ComputedAt = DateTimeOffset.UtcNow, SuppressionThreshold = threshold,
            SourceVersion = SourceSignature.Of("CollaborationGroup", groups.Select(g => ((long)g.Active, g.VersionSum, (long)g.MaxId))),
        };
    }

    /// <summary>Schools of the scope that entered statutory follow-up (significant improvement, special measures) in the year.</summary>
    public static async Task<List<FollowUpAlert>> EnteredFollowUpAsync(IResolverContext ctx, ConsortiumAlerts a, int first)
    {
        var (start, end) = RollUpQueries.YearWindow(a.Year);
        var openOn = ctx.GetArgument<DateOnly?>("openOn");
        var (kind, year) = (a.Scope.Kind, a.Year);
        // Batched over every scope at this level; each scope's first `first` are kept here (no portable per-group LIMIT).
        var alerts = await ctx.LoadGroupAsync<string, ScopedFollowUp>($"Aggregates.enteredFollowUp@{kind}|{year}|{openOn}", a.Scope.Code,
            (db, keys, ct) =>
            {
                var rows = from s in RollUpQueries.ScopedSchoolsInYear(db, kind, keys, year)
                           from f in db.FollowUps
                           where (f.Category == FollowUpCategory.SignificantImprovement || f.Category == FollowUpCategory.SpecialMeasures)
                               && f.StartDate >= start && f.StartDate <= end && f.Inspection!.SchoolId == s.SchoolId
                           select new { s.Scope, s.SchoolId, FollowUp = f };
                // Still in follow-up on the date: started by then and not removed by then.
                if (openOn is { } on) rows = rows.Where(r => r.FollowUp.StartDate <= on && (r.FollowUp.RemovedDate == null || r.FollowUp.RemovedDate > on));
                return rows.OrderBy(r => r.FollowUp.StartDate).ThenBy(r => r.FollowUp.Id)
                    .Select(r => new ScopedFollowUp(r.Scope, r.SchoolId, r.FollowUp))
                    .ToListAsync(ct);
            },
            r => r.Scope);
        return alerts.Take(first).Select(x => new FollowUpAlert(x.SchoolId, x.FollowUp)).ToList();
    }

    /// <summary>Schools of the scope open in the year with no challenge adviser assigned for it, by school number.</summary>
    public static async Task<List<School>> NoChallengeAdviserAsync(IResolverContext ctx, ConsortiumAlerts a, int first)
    {
        var (start, end) = RollUpQueries.YearWindow(a.Year);
        var (kind, year) = (a.Scope.Kind, a.Year);
        // Batched over every scope at this level; each scope's first `first` are kept here (no portable per-group LIMIT).
        var schools = await ctx.LoadGroupAsync<string, ScopedSchoolRow>($"Aggregates.noChallengeAdviser@{kind}|{year}", a.Scope.Code,
            (db, keys, ct) => (from s in RollUpQueries.ScopedSchoolsInYear(db, kind, keys, year)
                               join school in db.Schools on s.SchoolId equals school.Id
                               where (school.OpenDate == null || school.OpenDate <= end) && (school.CloseDate == null || school.CloseDate > start)
                                   && !db.RoleAssignments.Any(r => r.Role == RoleKind.ChallengeAdviser && r.YearCode == year && r.SchoolId == school.Id)
                               orderby school.SchoolNumber
                               select new ScopedSchoolRow(s.Scope, school))
                .ToListAsync(ct),
            r => r.Scope);
        return schools.Take(first).Select(x => x.School).ToList();
    }

    /// <summary>A follow-up tagged with its scope (SQL projection for <see cref="EnteredFollowUpAsync"/>).</summary>
    public sealed record ScopedFollowUp(string Scope, int SchoolId, FollowUp FollowUp);

    /// <summary>A school tagged with its scope (SQL projection for <see cref="NoChallengeAdviserAsync"/>).</summary>
    public sealed record ScopedSchoolRow(string Scope, School School);

    public sealed record CollaborationGroupRow(string Consortium, GroupType Type, int Active, int Ended, long VersionSum, int MaxId);

    public sealed record CollaborationSchoolsRow(string Consortium, GroupType Type, int Schools);
}
