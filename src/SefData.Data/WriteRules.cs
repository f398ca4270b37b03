using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SefData.Domain;

namespace SefData.Data;

/// <summary>
/// Runs the domain rules over the pending changes before any SQL is sent: the entities' own rules first, then the
/// rules that need other rows (overlaps, uniqueness, framework grades), reading through the same context and
/// transaction. Unique indexes back up the uniqueness rules against concurrent writers.
/// Queries here are synchronous so one code path serves SaveChanges and SaveChangesAsync.
/// </summary>
internal sealed class WriteRules(SefDataDbContext db)
{
    private readonly List<RuleViolation> _violations = [];

    public void Enforce()
    {
        var entries = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        foreach (var e in entries)
            if (e.Entity is IValidatable v) _violations.AddRange(v.Validate());
        Throw();

        foreach (var e in entries)
        {
            switch (e.Entity)
            {
                case SepRating when e.State == EntityState.Modified:
                    _violations.Add(new(RuleCodes.RatingImmutable, "SEP ratings are kept as given: add a new rating instead of changing one."));
                    break;
                case ConsortiumMembership m:
                    Add(ConsortiumMembership.Overlap(m, Peers<ConsortiumMembership>(o => o.LaCode == m.LaCode)));
                    break;
                case GroupMembership gm:
                {
                    int group = Fk(e, nameof(GroupMembership.GroupId)), school = Fk(e, nameof(GroupMembership.SchoolId));
                    Add(GroupMembership.Overlap(gm, Peers<GroupMembership>(o => o.GroupId == group && o.SchoolId == school,
                        x => Fk(x, nameof(GroupMembership.GroupId)) == group && Fk(x, nameof(GroupMembership.SchoolId)) == school)));
                    break;
                }
                case CategorisationResult c:
                    Categorisation(e, c);
                    break;
                case InspectionJudgement j:
                    Judgement(e, j);
                    break;
                case ThemeForImprovement:
                    ThemeSpan(e);
                    break;
                case OaTarget t:
                {
                    var agreement = Principal<OaMeasure>(e, nameof(OaTarget.OaMeasure), nameof(OaTarget.OaMeasureId)) is { } m
                        ? AgreementOfMeasure(m) : null;
                    if (agreement is not null) Add(OutcomeAgreement.YearInPeriod(agreement, t.YearCode));
                    break;
                }
                case OaAssessment a:
                {
                    if (Principal<OutcomeAgreement>(e, nameof(OaAssessment.Agreement), nameof(OaAssessment.AgreementId)) is { } agreement)
                        Add(OutcomeAgreement.YearInPeriod(agreement, a.YearCode));
                    break;
                }
                case RoleAssignment r when r.Role == RoleKind.ChallengeAdviser:
                {
                    var school = FkOrNull(e, nameof(RoleAssignment.SchoolId));
                    var peers = Peers<RoleAssignment>(o => o.Role == RoleKind.ChallengeAdviser && o.SchoolId == school && o.YearCode == r.YearCode,
                        x => x.Entity.Role == RoleKind.ChallengeAdviser && FkOrNull(x, nameof(RoleAssignment.SchoolId)) == school && x.Entity.YearCode == r.YearCode);
                    if (peers.Count > 1)
                        _violations.Add(new(RuleCodes.DuplicateChallengeAdviser, $"The school already has a challenge adviser for {r.YearCode}."));
                    break;
                }
            }
        }
        // Removing an element from a theme can break its span too.
        foreach (var te in db.ChangeTracker.Entries<ThemeElement>().Where(x => x.State is EntityState.Added or EntityState.Deleted).ToList())
        {
            var theme = db.ChangeTracker.Entries<ThemeForImprovement>()
                .FirstOrDefault(t => Equals(t.Property(x => x.Id).CurrentValue, te.Property(x => x.ThemeId).CurrentValue));
            if (theme is null)
            {
                var id = te.Property(x => x.ThemeId).CurrentValue;
                var title = db.ThemesForImprovement.AsNoTracking().Where(t => t.Id == id).Select(t => t.Title).FirstOrDefault();
                if (title is not null) Add(ThemeForImprovement.SpanRule(title, ElementsOfTheme(id)));
            }
            else if (theme.State is EntityState.Unchanged) ThemeSpan(theme);
        }
        Throw();
    }

    private void Throw()
    {
        if (_violations.Count == 0) return;
        // Distinct: one broken fact can be reached from several entries.
        throw new DomainRuleException(_violations.Distinct().ToList());
    }

    private void Add(RuleViolation? v)
    {
        if (v is not null) _violations.Add(v);
    }

    private void Categorisation(EntityEntry e, CategorisationResult c)
    {
        var school = Fk(e, nameof(CategorisationResult.SchoolId));
        var peers = Peers<CategorisationResult>(o => o.SchoolId == school && o.YearCode == c.YearCode,
            x => Fk(x, nameof(CategorisationResult.SchoolId)) == school && x.Entity.YearCode == c.YearCode);
        if (peers.Count > 1)
            _violations.Add(new(RuleCodes.CategorisationDuplicate,
                $"The school already has a categorisation for {c.YearCode}; there is at most one per school per year."));
        if (Principal<School>(e, nameof(CategorisationResult.School), nameof(CategorisationResult.SchoolId)) is { } s)
            Add(CategorisationResult.SectorRule(c, s.Sector));
        if (e.State == EntityState.Modified)
            Add(CategorisationResult.StageRule((CategorisationStage)e.Property(nameof(CategorisationResult.Stage)).OriginalValue!, c.Stage));
        // Derived, so it always follows the versioned reference table.
        c.SupportDays = CategorisationResult.SupportDaysFor(c.SupportColour, c.YearCode,
            db.SupportDaysRules.AsNoTracking().Where(r => r.Colour == c.SupportColour).ToList());
    }

    private void Judgement(EntityEntry e, InspectionJudgement j)
    {
        var inspection = Principal<Inspection>(e, nameof(InspectionJudgement.Inspection), nameof(InspectionJudgement.InspectionId));
        if (inspection is null) return; // the foreign key reports a missing inspection
        // The framework always comes from the inspection; the composite keys then bind area and grade to it.
        j.FrameworkCode = inspection.FrameworkCode;
        var areas = db.EstynAreas.AsNoTracking().Where(a => a.FrameworkCode == j.FrameworkCode).ToList();
        var grades = db.EstynGrades.AsNoTracking().Where(g => g.FrameworkCode == j.FrameworkCode).ToList();
        _violations.AddRange(InspectionJudgement.FrameworkRule(j.FrameworkCode, j.AreaCode, j.GradeCode, areas, grades));
        var id = Fk(e, nameof(InspectionJudgement.InspectionId));
        var peers = Peers<InspectionJudgement>(o => o.InspectionId == id && o.AreaCode == j.AreaCode,
            x => Fk(x, nameof(InspectionJudgement.InspectionId)) == id && x.Entity.AreaCode == j.AreaCode);
        if (peers.Count > 1)
            _violations.Add(new(RuleCodes.DuplicateJudgement, $"The inspection already has a judgement for {j.AreaCode}."));
    }

    private void ThemeSpan(EntityEntry theme)
    {
        var t = (ThemeForImprovement)theme.Entity;
        Add(ThemeForImprovement.SpanRule(t.Title, ElementsOfTheme(Fk(theme, nameof(ThemeForImprovement.Id)))));
    }

    /// <summary>Element codes a theme will have after this save: stored rows not being deleted, plus tracked ones.</summary>
    private List<string> ElementsOfTheme(int themeId)
    {
        var tracked = db.ChangeTracker.Entries<ThemeElement>()
            .Where(x => x.Property(p => p.ThemeId).CurrentValue == themeId).ToList();
        var trackedCodes = tracked.Select(x => x.Entity.ElementCode).ToHashSet();
        var stored = db.ThemeElements.AsNoTracking().Where(x => x.ThemeId == themeId).Select(x => x.ElementCode).ToList()
            .Where(c => !trackedCodes.Contains(c));
        return stored.Concat(tracked.Where(x => x.State is not (EntityState.Deleted or EntityState.Detached)).Select(x => x.Entity.ElementCode)).ToList();
    }

    private OutcomeAgreement? AgreementOfMeasure(OaMeasure m)
    {
        var outcome = m.Outcome ?? Find<OaOutcome>(m.OutcomeId);
        return outcome is null ? null : outcome.Agreement ?? Find<OutcomeAgreement>(outcome.AgreementId);
    }

    /// <summary>
    /// Rows of T as they will be after this save that match the filter: stored rows not tracked here, plus tracked
    /// rows that are not being deleted. Tracked rows are matched in memory by <paramref name="trackedMatch"/>
    /// (foreign keys read from the entry, so temporary keys of new principals compare correctly).
    /// </summary>
    private List<T> Peers<T>(Expression<Func<T, bool>> storedFilter, Func<EntityEntry<T>, bool>? trackedMatch = null)
        where T : class, IHasId
    {
        var compiled = storedFilter.Compile();
        trackedMatch ??= x => compiled(x.Entity);
        var tracked = db.ChangeTracker.Entries<T>().ToList();
        var trackedIds = tracked.Where(x => x.State != EntityState.Added).Select(x => x.Entity.Id).ToHashSet();
        var stored = db.Set<T>().AsNoTracking().Where(storedFilter).ToList().Where(x => !trackedIds.Contains(x.Id));
        return stored.Concat(tracked.Where(x => x.State is not (EntityState.Deleted or EntityState.Detached) && trackedMatch(x))
            .Select(x => x.Entity)).ToList();
    }

    /// <summary>The principal through the navigation if set, else the tracked one, else the stored one.</summary>
    private T? Principal<T>(EntityEntry dependent, string navigation, string foreignKey) where T : class, IHasId
    {
        if (dependent.Reference(navigation).CurrentValue is T loaded) return loaded;
        var id = FkOrNull(dependent, foreignKey);
        return id is null ? null : Find<T>(id.Value);
    }

    private T? Find<T>(int id) where T : class, IHasId =>
        db.ChangeTracker.Entries<T>().FirstOrDefault(x => x.Entity.Id == id)?.Entity
        ?? db.Set<T>().AsNoTracking().FirstOrDefault(x => x.Id == id);

    private static int Fk(EntityEntry e, string property) => (int)e.Property(property).CurrentValue!;

    private static int? FkOrNull(EntityEntry e, string property) => (int?)e.Property(property).CurrentValue;
}
