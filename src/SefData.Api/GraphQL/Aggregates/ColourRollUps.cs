using Microsoft.EntityFrameworkCore;
using SefData.Api.GraphQL.Core;
using SefData.Data;
using SefData.Domain;
using SefData.GraphQL.Types;

namespace SefData.Api.GraphQL.Aggregates;

/// <summary>Breakdown dimensions of a colour distribution.</summary>
public enum ColourDimension { LocalAuthority, Sector, LanguageCategory }

/// <summary>One categorisation result seen through the requested dimensions (an intermediate SQL projection).</summary>
public sealed class ColourFact
{
    public string Scope { get; set; } = "";
    public string Year { get; set; } = "";
    public string? La { get; set; }
    public Sector? Sector { get; set; }
    public string? Lang { get; set; }
    public SupportColour Colour { get; set; }
    public int Version { get; set; }
    public int Id { get; set; }
}

/// <summary>A GROUP BY row: the number of schools of one colour in one (scope, year, dimension values) cell.</summary>
public sealed record ColourRow(string Scope, string Year, string? La, Sector? Sector, string? Lang, SupportColour Colour, int Count, long VersionSum, int MaxId);

public sealed class ColourCount(SupportColour colour, Cell cell, Cell total)
{
    public SupportColour Colour { get; } = colour;
    public Cell Cell { get; } = cell;
    public Cell Total { get; } = total;
    /// <summary>Count minus last year's count for the same cell; only when both are published.</summary>
    public int? Change { get; set; }
}

public sealed class ColourGroup(string? laCode, Sector? sector, string? languageCategoryId, Cell total, IReadOnlyList<ColourCount> colours)
{
    public string? LaCode { get; } = laCode;
    public Sector? Sector { get; } = sector;
    public string? LanguageCategoryId { get; } = languageCategoryId;
    public Cell Total { get; } = total;
    public IReadOnlyList<ColourCount> Colours { get; } = colours;
    public (string?, Sector?, string?) Key => (LaCode, Sector, LanguageCategoryId);
}

public sealed class ColourDistribution : IRollUp
{
    public required string Year { get; init; }
    public required IReadOnlyList<ColourDimension> Dimensions { get; init; }
    public required Cell Total { get; init; }
    public required IReadOnlyList<ColourCount> Colours { get; init; }
    public required IReadOnlyList<ColourGroup> Groups { get; init; }
    public required DateTimeOffset ComputedAt { get; init; }
    public required string SourceVersion { get; init; }
    public required int SuppressionThreshold { get; init; }
}

public sealed class ColourTransitionCell(SupportColour from, SupportColour to, Cell cell, Cell total)
{
    public SupportColour From { get; } = from;
    public SupportColour To { get; } = to;
    public Cell Cell { get; } = cell;
    public Cell Total { get; } = total;
}

public sealed class ColourTransitions : IRollUp
{
    public required RollUpScope Scope { get; init; }
    public required string FromYear { get; init; }
    public required string ToYear { get; init; }
    public required Cell Total { get; init; }
    public required IReadOnlyList<ColourTransitionCell> Cells { get; init; }
    public required DateTimeOffset ComputedAt { get; init; }
    public required string SourceVersion { get; init; }
    public required int SuppressionThreshold { get; init; }
}

/// <summary>A school whose colour changed between two years.</summary>
public sealed record ColourMove(int SchoolId, string SchoolNumber, string FromYear, SupportColour FromColour, string ToYear, SupportColour ToColour);

/// <summary>The moves for a pair of years (or the series gap that makes them meaningless).</summary>
public sealed record ColourMoves(string FromYear, string ToYear, IReadOnlyList<ColourMove> Moves);

/// <summary>Colour distributions and transitions, counted with GROUP BY in the database.</summary>
public static class ColourRollUps
{
    /// <summary>
    /// GROUP BY (scope, year, requested dimensions, colour) over the categorisation results of the years. Dimensions
    /// not requested are projected to NULL before grouping, so the database groups exactly by what was asked.
    /// The language category is the year's (school year profile), else the school's current one.
    /// </summary>
    public static IQueryable<ColourRow> Rows(SefDataDbContext db, RollUpScopeKind kind, IReadOnlyCollection<string> codes,
        IReadOnlyCollection<string> years, IReadOnlyCollection<ColourDimension> dims)
    {
        var results = db.CategorisationResults.Where(c => years.Contains(c.YearCode));
        IQueryable<ColourFact> facts = kind switch
        {
            RollUpScopeKind.Wales =>
                from c in results
                from p in db.SchoolYearProfiles.Where(p => p.SchoolId == c.SchoolId && p.YearCode == c.YearCode).DefaultIfEmpty()
                select new ColourFact
                {
                    Scope = "", Year = c.YearCode, La = c.School!.LaCode, Sector = c.School.Sector,
                    Lang = p!.LanguageCategoryId ?? c.School.LanguageCategoryId, Colour = c.SupportColour, Version = c.Version, Id = c.Id,
                },
            RollUpScopeKind.LocalAuthority =>
                from c in results
                where codes.Contains(c.School!.LaCode)
                from p in db.SchoolYearProfiles.Where(p => p.SchoolId == c.SchoolId && p.YearCode == c.YearCode).DefaultIfEmpty()
                select new ColourFact
                {
                    Scope = c.School!.LaCode, Year = c.YearCode, La = c.School.LaCode, Sector = c.School.Sector,
                    Lang = p!.LanguageCategoryId ?? c.School.LanguageCategoryId, Colour = c.SupportColour, Version = c.Version, Id = c.Id,
                },
            _ =>
                from c in results
                from m in db.ConsortiumMemberships
                where m.LaCode == c.School!.LaCode && codes.Contains(m.ConsortiumCode)
                    && m.ValidFrom <= (c.Year!.CensusDate ?? c.Year.StartDate)
                    && (m.ValidTo == null || m.ValidTo >= (c.Year.CensusDate ?? c.Year.StartDate))
                from p in db.SchoolYearProfiles.Where(p => p.SchoolId == c.SchoolId && p.YearCode == c.YearCode).DefaultIfEmpty()
                select new ColourFact
                {
                    Scope = m.ConsortiumCode, Year = c.YearCode, La = c.School!.LaCode, Sector = c.School.Sector,
                    Lang = p!.LanguageCategoryId ?? c.School.LanguageCategoryId, Colour = c.SupportColour, Version = c.Version, Id = c.Id,
                },
        };
        if (!dims.Contains(ColourDimension.LocalAuthority))
            facts = facts.Select(f => new ColourFact { Scope = f.Scope, Year = f.Year, La = null, Sector = f.Sector, Lang = f.Lang, Colour = f.Colour, Version = f.Version, Id = f.Id });
        if (!dims.Contains(ColourDimension.Sector))
            facts = facts.Select(f => new ColourFact { Scope = f.Scope, Year = f.Year, La = f.La, Sector = null, Lang = f.Lang, Colour = f.Colour, Version = f.Version, Id = f.Id });
        if (!dims.Contains(ColourDimension.LanguageCategory))
            facts = facts.Select(f => new ColourFact { Scope = f.Scope, Year = f.Year, La = f.La, Sector = f.Sector, Lang = null, Colour = f.Colour, Version = f.Version, Id = f.Id });
        return facts
            .GroupBy(f => new { f.Scope, f.Year, f.La, f.Sector, f.Lang, f.Colour })
            .Select(g => new ColourRow(g.Key.Scope, g.Key.Year, g.Key.La, g.Key.Sector, g.Key.Lang, g.Key.Colour,
                g.Count(), g.Sum(x => (long)x.Version), g.Max(x => x.Id)));
    }

    /// <summary>
    /// The distribution for one scope and year (and last year's, for the change), through a DataLoader keyed by
    /// (scope code, year): every scope and year asked in the request at one list level is one SQL command.
    /// </summary>
    public static async Task<object?> DistributionAsync(IResolverContext ctx, RollUpScopeKind kind, string code)
    {
        var year = ctx.GetArgument<string>("year")!;
        if (SeriesRules.Categorisation(year) is { } gap) return gap;
        var dims = (ctx.GetArgument<List<ColourDimension>>("by") ?? []).Distinct().Order().ToList();
        var threshold = Suppression.Threshold(ctx.Services);
        var name = $"Aggregates.colourRows@{kind}|{string.Join(",", dims)}";

        Task<IReadOnlyList<ColourRow>> Load(string y) =>
            ctx.LoadGroupAsync<(string, string), ColourRow>(name, (code, y),
                (db, keys, ct) => Rows(db, kind, keys.Select(k => k.Item1).Distinct().ToList(), keys.Select(k => k.Item2).Distinct().ToList(), dims).ToListAsync(ct),
                r => (r.Scope, r.Year));

        var previousYear = RollUpQueries.PreviousYear(year);
        var current = Load(year);
        var previous = SeriesRules.Categorisation(previousYear) is null ? Load(previousYear) : null;
        var rows = await current;
        var distribution = Build(year, dims, rows, threshold);
        if (previous is not null) AddChange(distribution, Build(previousYear, dims, await previous, threshold));
        return distribution;
    }

    public static ColourDistribution Build(string year, IReadOnlyList<ColourDimension> dims, IReadOnlyList<ColourRow> rows, int threshold)
    {
        // Pivot the GROUP BY rows (one per cell and colour) into groups; nothing is counted here.
        var byKey = rows.ToDictionary(r => (r.La, r.Sector, r.Lang, r.Colour), r => r.Count);
        var keys = rows.Select(r => (r.La, r.Sector, r.Lang)).Distinct()
            .OrderBy(k => k.La, StringComparer.Ordinal).ThenBy(k => k.Sector).ThenBy(k => k.Lang, StringComparer.Ordinal).ToList();
        var groups = new List<ColourGroup>();
        var constraints = new List<SumConstraint>();
        foreach (var k in keys)
        {
            var cells = RollUpQueries.Colours.Select(c => new Cell(byKey.GetValueOrDefault((k.La, k.Sector, k.Lang, c)))).ToArray();
            var total = new Cell(cells.Sum(c => c.Value));
            groups.Add(new ColourGroup(k.La, k.Sector, k.Lang, total, RollUpQueries.Colours.Select((c, i) => new ColourCount(c, cells[i], total)).ToList()));
            constraints.Add(new SumConstraint(total, cells));
        }
        // Margins: the scope's distribution by colour and its total (sums of the groups' published counts).
        var top = RollUpQueries.Colours.Select((_, i) => new Cell(groups.Sum(g => g.Colours[i].Cell.Value))).ToArray();
        var grand = new Cell(top.Sum(c => c.Value));
        constraints.Add(new SumConstraint(grand, top));
        for (var i = 0; i < top.Length; i++) constraints.Add(new SumConstraint(top[i], groups.Select(g => g.Colours[i].Cell).ToList()));
        constraints.Add(new SumConstraint(grand, groups.Select(g => g.Total).ToList()));
        Suppression.Apply(groups.SelectMany(g => g.Colours.Select(c => c.Cell)).Concat(top), constraints, threshold);

        return new ColourDistribution
        {
            Year = year,
            Dimensions = dims,
            Total = grand,
            Colours = RollUpQueries.Colours.Select((c, i) => new ColourCount(c, top[i], grand)).ToList(),
            Groups = groups,
            ComputedAt = DateTimeOffset.UtcNow,
            SourceVersion = SourceSignature.Of("CategorisationResult", rows.Select(r => ((long)r.Count, r.VersionSum, (long)r.MaxId))),
            SuppressionThreshold = threshold,
        };
    }

    /// <summary>Change from last year, published only where this year's and last year's counts both are.</summary>
    private static void AddChange(ColourDistribution current, ColourDistribution previous)
    {
        static void Diff(IReadOnlyList<ColourCount> now, IReadOnlyList<ColourCount>? before)
        {
            if (before is null) return;
            for (var i = 0; i < now.Count; i++)
                if (now[i].Cell.Shown is { } a && before[i].Cell.Shown is { } b) now[i].Change = a - b;
        }
        Diff(current.Colours, previous.Colours);
        var old = previous.Groups.ToDictionary(g => g.Key, g => g.Colours);
        foreach (var g in current.Groups) Diff(g.Colours, old.GetValueOrDefault(g.Key));
    }

    public static async Task<object?> TransitionsAsync(IResolverContext ctx, RollUpScope scope)
    {
        var fromYear = ctx.GetArgument<string>("from")!;
        var toYear = ctx.GetArgument<string>("to")!;
        if ((SeriesRules.Categorisation(fromYear) ?? SeriesRules.Categorisation(toYear)) is { } gap) return gap;
        var threshold = Suppression.Threshold(ctx.Services);
        var kind = scope.Kind;
        // Batched over every scope of the kind at this level: one GROUP BY (scope, from, to) command.
        var rows = await ctx.LoadGroupAsync<string, TransitionRow>($"Aggregates.transitions@{kind}|{fromYear}|{toYear}", scope.Code,
            (db, keys, ct) => (from s in RollUpQueries.ScopedSchoolsInYear(db, kind, keys, toYear)
                               join c in db.CategorisationResults.Where(c => c.YearCode == toYear) on s.SchoolId equals c.SchoolId
                               join p in db.CategorisationResults.Where(p => p.YearCode == fromYear) on c.SchoolId equals p.SchoolId
                               select new { s.Scope, FromColour = p.SupportColour, ToColour = c.SupportColour, c.Id, Version = c.Version + p.Version })
                .GroupBy(x => new { x.Scope, x.FromColour, x.ToColour })
                .Select(g => new TransitionRow(g.Key.Scope, g.Key.FromColour, g.Key.ToColour, g.Count(), g.Sum(x => (long)x.Version), g.Max(x => x.Id)))
                .ToListAsync(ct),
            r => r.Scope);
        var cells = new List<ColourTransitionCell>();
        var total = new Cell(rows.Sum(r => r.Count));
        foreach (var f in RollUpQueries.Colours)
            foreach (var t in RollUpQueries.Colours)
                cells.Add(new ColourTransitionCell(f, t, new Cell(rows.Where(r => r.FromColour == f && r.ToColour == t).Sum(r => r.Count)), total));
        // The matrix publishes one equation: total = sum of the 16 cells.
        Suppression.Apply(cells.Select(c => c.Cell), [new SumConstraint(total, cells.Select(c => c.Cell).ToList())], threshold);
        return new ColourTransitions
        {
            Scope = scope, FromYear = fromYear, ToYear = toYear, Total = total, Cells = cells,
            ComputedAt = DateTimeOffset.UtcNow,
            SourceVersion = SourceSignature.Of("CategorisationResult", rows.Select(r => ((long)r.Count * 2, r.VersionSum, (long)r.MaxId))),
            SuppressionThreshold = threshold,
        };
    }

    /// <summary>
    /// Schools (of the scope as at the later year) whose colour went from one set to another between the years,
    /// optionally only those that worsened by at least <paramref name="minWorsening"/> colour steps; by school number.
    /// </summary>
    public static async Task<List<ColourMove>> MovesAsync(IResolverContext ctx, RollUpScope scope, string fromYear, string toYear,
        SupportColour? fromColour, SupportColour? toColour, int minWorsening, int first)
    {
        var kind = scope.Kind;
        // Batched over every scope of the kind at this level; each scope's first `first` by school number are kept
        // here (a per-group LIMIT is not portable SQL), so the command reads all the scopes' movers.
        var moves = await ctx.LoadGroupAsync<string, ScopedMove>($"Aggregates.moves@{kind}|{fromYear}|{toYear}|{fromColour}|{toColour}|{minWorsening}", scope.Code,
            (db, keys, ct) =>
            {
                var q = from s in RollUpQueries.ScopedSchoolsInYear(db, kind, keys, toYear)
                        join c in db.CategorisationResults.Where(c => c.YearCode == toYear) on s.SchoolId equals c.SchoolId
                        join p in db.CategorisationResults.Where(p => p.YearCode == fromYear) on c.SchoolId equals p.SchoolId
                        where c.SupportColour != p.SupportColour
                        select new ScopedMove { Scope = s.Scope, SchoolId = c.SchoolId, SchoolNumber = c.School!.SchoolNumber, From = p.SupportColour, To = c.SupportColour };
                if (fromColour is { } fc) q = q.Where(x => x.From == fc);
                if (toColour is { } tc) q = q.Where(x => x.To == tc);
                if (minWorsening > 0)
                    // Colour ranks green 1 .. red 4, written inline so the comparison is a CASE expression in SQL.
                    q = q.Where(x =>
                        (x.To == SupportColour.Green ? 1 : x.To == SupportColour.Yellow ? 2 : x.To == SupportColour.Amber ? 3 : 4)
                        - (x.From == SupportColour.Green ? 1 : x.From == SupportColour.Yellow ? 2 : x.From == SupportColour.Amber ? 3 : 4) >= minWorsening);
                return q.OrderBy(x => x.SchoolNumber).ToListAsync(ct);
            },
            m => m.Scope);
        return moves.Take(first).Select(x => new ColourMove(x.SchoolId, x.SchoolNumber, fromYear, x.From, toYear, x.To)).ToList();
    }

    /// <summary>A move tagged with its scope (SQL projection for <see cref="MovesAsync"/>).</summary>
    public sealed class ScopedMove
    {
        public string Scope { get; set; } = "";
        public int SchoolId { get; set; }
        public string SchoolNumber { get; set; } = "";
        public SupportColour From { get; set; }
        public SupportColour To { get; set; }
    }

    /// <summary>A GROUP BY row of a transition matrix: schools of one scope that went from one colour to another.</summary>
    public sealed record TransitionRow(string Scope, SupportColour FromColour, SupportColour ToColour, int Count, long VersionSum, int MaxId);
}
