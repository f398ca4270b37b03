using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SefData.Domain;

namespace SefData.Data;

/// <summary>
/// Runs the domain rules over the pending changes before any SQL is sent: the entities' own rules first, then the
/// rules that need other rows (overlaps, uniqueness, framework grades), reading through the same context and
/// transaction. Unique indexes back up the uniqueness rules against concurrent writers.
/// Rules that need other rows work per entity type in one pass with batched queries, so a save of thousands of rows
/// (the demo-data generator) stays linear. Queries are synchronous so one path serves SaveChanges and SaveChangesAsync.
/// </summary>
internal sealed class WriteRules(SefDataDbContext db)
{
    private const int QueryChunk = 500;

    private readonly List<RuleViolation> _violations = [];
    private ILookup<Type, EntityEntry> _entries = null!;
    private readonly Dictionary<Type, Dictionary<int, object>> _trackedById = [];

    public void Enforce()
    {
        // SaveChanges has just detected changes; without this every ChangeTracker call would scan again.
        // Base SaveChanges detects again afterwards (rules set derived values).
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try { EnforceAll(); }
        finally { db.ChangeTracker.AutoDetectChangesEnabled = autoDetect; }
    }

    private void EnforceAll()
    {
        _entries = db.ChangeTracker.Entries().ToLookup(e => e.Entity.GetType());
        var changed = _entries.SelectMany(g => g).Where(IsWrite).ToList();
        foreach (var e in changed)
            if (e.Entity is IValidatable v) _violations.AddRange(v.Validate());
        Throw();

        ConsortiumMembershipOverlaps();
        GroupMembershipOverlaps();
        Categorisations();
        StageHistoryRows();
        Judgements();
        ThemeSpans();
        SepRatings();
        OutcomeAgreementYears();
        OutcomeAgreementStructure();
        Unique<SchoolYearProfile, (int, string)>(
            e => (Fk(e, nameof(SchoolYearProfile.SchoolId)), e.Entity.YearCode),
            ids => db.SchoolYearProfiles.Where(p => ids.Contains(p.SchoolId)).Select(p => new Row<(int, string)>(p.Id, new(p.SchoolId, p.YearCode))),
            nameof(SchoolYearProfile.SchoolId),
            p => new(RuleCodes.ProfileDuplicate, $"The school already has a profile for {p.YearCode}."));
        MeasureValues();
        Unique<RoleAssignment, (int?, string?)>(
            e => (FkOrNull(e, nameof(RoleAssignment.SchoolId)), e.Entity.YearCode),
            ids => db.RoleAssignments.Where(r => r.Role == RoleKind.ChallengeAdviser && r.SchoolId != null && ids.Contains(r.SchoolId.Value))
                .Select(r => new Row<(int?, string?)>(r.Id, new(r.SchoolId, r.YearCode))),
            nameof(RoleAssignment.SchoolId),
            r => new(RuleCodes.DuplicateChallengeAdviser, $"The school already has a challenge adviser for {r.YearCode}."),
            applies: r => r.Role == RoleKind.ChallengeAdviser);
        Throw();
    }

    private static bool IsWrite(EntityEntry e) => e.State is EntityState.Added or EntityState.Modified;

    private static bool IsLive(EntityEntry e) => e.State is EntityState.Added or EntityState.Modified or EntityState.Unchanged;

    private List<EntityEntry<T>> Tracked<T>() where T : class =>
        _entries[typeof(T)].Select(e => e.Context.Entry((T)e.Entity)).ToList();

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

    // ---- Overlaps ----

    private void ConsortiumMembershipOverlaps()
    {
        var tracked = Tracked<ConsortiumMembership>();
        var changed = tracked.Where(IsWrite).ToList();
        if (changed.Count == 0) return;
        var las = changed.Select(e => e.Entity.LaCode).Distinct().ToList();
        var trackedIds = TrackedIds(tracked);
        var byLa = Chunks(las).SelectMany(chunk => db.ConsortiumMemberships.AsNoTracking().Where(m => chunk.Contains(m.LaCode)).ToList())
            .Where(m => !trackedIds.Contains(m.Id))
            .Concat(tracked.Where(IsLive).Select(e => e.Entity))
            .ToLookup(m => m.LaCode);
        foreach (var e in changed) Add(ConsortiumMembership.Overlap(e.Entity, byLa[e.Entity.LaCode]));
    }

    private void GroupMembershipOverlaps()
    {
        var tracked = Tracked<GroupMembership>();
        var changed = tracked.Where(IsWrite).ToList();
        if (changed.Count == 0) return;
        var trackedIds = TrackedIds(tracked);
        var schoolIds = StoredKeys(changed, nameof(GroupMembership.SchoolId));
        var stored = Chunks(schoolIds).SelectMany(chunk => db.GroupMemberships.AsNoTracking().Where(m => chunk.Contains(m.SchoolId)).ToList())
            .Where(m => !trackedIds.Contains(m.Id))
            .Select(m => ((m.GroupId, m.SchoolId), m));
        var peers = stored
            .Concat(tracked.Where(IsLive).Select(e => ((Fk(e, nameof(GroupMembership.GroupId)), Fk(e, nameof(GroupMembership.SchoolId))), e.Entity)))
            .ToLookup(x => x.Item1, x => x.Item2);
        foreach (var e in changed)
            Add(GroupMembership.Overlap(e.Entity, peers[(Fk(e, nameof(GroupMembership.GroupId)), Fk(e, nameof(GroupMembership.SchoolId)))]));
    }

    // ---- Categorisation ----

    private Dictionary<SupportColour, List<SupportDaysRule>>? _supportDays;

    private void Categorisations()
    {
        var changed = Tracked<CategorisationResult>().Where(IsWrite).ToList();
        if (changed.Count == 0) return;
        Unique<CategorisationResult, (int, string)>(
            e => (Fk(e, nameof(CategorisationResult.SchoolId)), e.Entity.YearCode),
            ids => db.CategorisationResults.Where(c => ids.Contains(c.SchoolId)).Select(c => new Row<(int, string)>(c.Id, new(c.SchoolId, c.YearCode))),
            nameof(CategorisationResult.SchoolId),
            c => new(RuleCodes.CategorisationDuplicate, $"The school already has a categorisation for {c.YearCode}; there is at most one per school per year."));

        var sectors = Principals<School, Sector>(changed, nameof(CategorisationResult.School), nameof(CategorisationResult.SchoolId),
            s => s.Sector, ids => db.Schools.Where(s => ids.Contains(s.Id)).Select(s => new Row<Sector>(s.Id, s.Sector)));
        _supportDays ??= db.SupportDaysRules.AsNoTracking().ToList().GroupBy(r => r.Colour).ToDictionary(g => g.Key, g => g.ToList());
        var matrix = db.CategorisationMatrix.AsNoTracking().ToList();
        foreach (var e in changed)
        {
            var c = e.Entity;
            if (sectors.TryGetValue(c, out var sector)) Add(CategorisationResult.SectorRule(c, sector));
            Add(CategorisationResult.MatrixRule(c, matrix));
            if (e.State == EntityState.Modified)
                Add(CategorisationResult.StageRule(e.Property(x => x.Stage).OriginalValue, c.Stage));
            // Derived, so it always follows the versioned reference table.
            c.SupportDays = CategorisationResult.SupportDaysFor(c.SupportColour, c.YearCode, _supportDays.GetValueOrDefault(c.SupportColour) ?? []);
        }
    }

    /// <summary>
    /// An added history row must describe the stage change saved with it: a new result's row is its creation, a moved
    /// result's row goes from its stored stage to its new one. A row added for a result left at its stage (back-filling
    /// history, e.g. "published on ...") must end at that stage.
    /// </summary>
    private void StageHistoryRows()
    {
        var added = Tracked<CategorisationStageChange>().Where(e => e.State == EntityState.Added).ToList();
        if (added.Count == 0) return;
        // The result itself: tracked (its entry knows the stored stage) or, when only the key is given, read untracked.
        var results = Principals<CategorisationResult, CategorisationResult>(added,
            nameof(CategorisationStageChange.CategorisationResult), nameof(CategorisationStageChange.CategorisationResultId),
            c => c, ids => db.CategorisationResults.Where(c => ids.Contains(c.Id)).Select(c => new Row<CategorisationResult>(c.Id, c)));
        foreach (var e in added)
        {
            if (!results.TryGetValue(e.Entity, out var result)) continue; // the foreign key reports a missing result
            var entry = db.Entry(result);
            var created = entry.State == EntityState.Added;
            CategorisationStage? movedFrom = entry.State == EntityState.Modified && entry.Property(x => x.Stage).OriginalValue is var from && from != result.Stage ? from : null;
            var h = e.Entity;
            var consistent = h.ToStage == result.Stage && (!created || h.FromStage is null) && (movedFrom is null || h.FromStage == movedFrom);
            if (!consistent)
                Add(new(RuleCodes.StageSkip,
                    $"The history step {h.FromStage?.ToString() ?? "(new)"} -> {h.ToStage} does not match the categorisation saved with it "
                    + $"({(created ? "new" : (movedFrom ?? result.Stage).ToString())} -> {result.Stage})."));
        }
    }

    // ---- Estyn ----

    private void Judgements()
    {
        var changed = Tracked<InspectionJudgement>().Where(IsWrite).ToList();
        if (changed.Count == 0) return;
        var frameworks = Principals<Inspection, string>(changed, nameof(InspectionJudgement.Inspection), nameof(InspectionJudgement.InspectionId),
            i => i.FrameworkCode, ids => db.Inspections.Where(i => ids.Contains(i.Id)).Select(i => new Row<string>(i.Id, i.FrameworkCode)));
        var areas = db.EstynAreas.AsNoTracking().ToList();
        var grades = db.EstynGrades.AsNoTracking().ToList();
        foreach (var e in changed)
        {
            if (!frameworks.TryGetValue(e.Entity, out var framework)) continue; // the foreign key reports a missing inspection
            var j = e.Entity;
            // The framework always comes from the inspection; the composite keys then bind area and grade to it.
            j.FrameworkCode = framework;
            _violations.AddRange(InspectionJudgement.FrameworkRule(framework, j.AreaCode, j.GradeCode, areas, grades));
        }
        Unique<InspectionJudgement, (int, string)>(
            e => (Fk(e, nameof(InspectionJudgement.InspectionId)), e.Entity.AreaCode),
            ids => db.InspectionJudgements.Where(j => ids.Contains(j.InspectionId)).Select(j => new Row<(int, string)>(j.Id, new(j.InspectionId, j.AreaCode))),
            nameof(InspectionJudgement.InspectionId),
            j => new(RuleCodes.DuplicateJudgement, $"The inspection already has a judgement for {j.AreaCode}."));
    }

    // ---- SEF cycle ----

    private void ThemeSpans()
    {
        var themes = Tracked<ThemeForImprovement>();
        var links = Tracked<ThemeElement>();
        // Themes whose element set may change: written themes, and themes gaining or losing an element.
        var affected = themes.Where(IsWrite).Select(e => Fk(e, nameof(ThemeForImprovement.Id))).ToHashSet();
        foreach (var l in links.Where(l => l.State is EntityState.Added or EntityState.Deleted))
            affected.Add(Fk(l, nameof(ThemeElement.ThemeId)));
        if (affected.Count == 0) return;

        var trackedLinks = links.ToLookup(l => Fk(l, nameof(ThemeElement.ThemeId)));
        // Only themes that already exist can have stored elements.
        var storedIds = themes.Where(t => IsWrite(t) && !t.Property(x => x.Id).IsTemporary).Select(t => t.Entity.Id)
            .Concat(links.Where(l => l.State is EntityState.Added or EntityState.Deleted && !l.Property(x => x.ThemeId).IsTemporary)
                .Select(l => l.Entity.ThemeId))
            .Distinct().ToList();
        var stored = Chunks(storedIds).SelectMany(chunk => db.ThemeElements.AsNoTracking().Where(t => chunk.Contains(t.ThemeId)).ToList())
            .ToLookup(t => t.ThemeId, t => t.ElementCode);
        var titles = Chunks(storedIds).SelectMany(chunk => db.ThemesForImprovement.AsNoTracking().Where(t => chunk.Contains(t.Id))
            .Select(t => new { t.Id, t.Title }).ToList()).ToDictionary(t => t.Id, t => t.Title);

        var themeById = themes.ToDictionary(t => Fk(t, nameof(ThemeForImprovement.Id)));
        foreach (var id in affected)
        {
            var theme = themeById.GetValueOrDefault(id);
            if (theme?.State is EntityState.Deleted) continue;
            var title = theme?.Entity.Title ?? titles.GetValueOrDefault(id);
            if (title is null) continue; // a link to a missing theme: the foreign key reports it
            var trackedCodes = trackedLinks[id].Select(l => l.Entity.ElementCode).ToHashSet();
            var codes = stored[id].Where(c => !trackedCodes.Contains(c))
                .Concat(trackedLinks[id].Where(IsLive).Select(l => l.Entity.ElementCode));
            Add(ThemeForImprovement.SpanRule(title, codes));
        }
    }

    private void SepRatings()
    {
        var changed = Tracked<SepRating>().Where(IsWrite).ToList();
        if (changed.Count == 0) return;
        if (changed.Any(e => e.State == EntityState.Modified))
            _violations.Add(new(RuleCodes.RatingImmutable, "SEP ratings are kept as given: add a new rating instead of changing one."));
        if (!changed.Any(e => e.Entity.AspectCode is not null)) return;
        var aspects = db.SefAspects.AsNoTracking().Select(a => new { a.ElementCode, a.Code }).ToList()
            .Select(a => (a.ElementCode, a.Code)).ToHashSet();
        foreach (var r in changed.Select(e => e.Entity).Where(r => r.AspectCode is not null && !aspects.Contains((r.ElementCode, r.AspectCode))))
            _violations.Add(new(RuleCodes.AspectNotInElement, $"Aspect '{r.AspectCode}' is not an aspect of element {r.ElementCode}."));
    }

    // ---- Outcome agreements ----

    private void OutcomeAgreementYears()
    {
        foreach (var e in Tracked<OaTarget>().Where(IsWrite))
        {
            var measure = Principal<OaMeasure>(e, nameof(OaTarget.OaMeasure), nameof(OaTarget.OaMeasureId));
            var outcome = measure is null ? null : measure.Outcome ?? Find<OaOutcome>(measure.OutcomeId);
            var agreement = outcome is null ? null : outcome.Agreement ?? Find<OutcomeAgreement>(outcome.AgreementId);
            if (agreement is not null) Add(OutcomeAgreement.YearInPeriod(agreement, e.Entity.YearCode));
        }
        foreach (var e in Tracked<OaAssessment>().Where(IsWrite))
            if (Principal<OutcomeAgreement>(e, nameof(OaAssessment.Agreement), nameof(OaAssessment.AgreementId)) is { } agreement)
                Add(OutcomeAgreement.YearInPeriod(agreement, e.Entity.YearCode));
    }

    /// <summary>Agreements of an LA never overlap; outcome themes and weights; ratings; grant within the maximum.</summary>
    private void OutcomeAgreementStructure()
    {
        var agreements = Tracked<OutcomeAgreement>();
        var changedAgreements = agreements.Where(IsWrite).ToList();
        if (changedAgreements.Count > 0)
        {
            var las = changedAgreements.Select(e => e.Entity.LaCode).Distinct().ToList();
            var trackedIds = TrackedIds(agreements);
            var byLa = db.OutcomeAgreements.AsNoTracking().Where(a => las.Contains(a.LaCode)).ToList()
                .Where(a => !trackedIds.Contains(a.Id)).Concat(agreements.Where(IsLive).Select(e => e.Entity)).ToList();
            foreach (var e in changedAgreements) Add(OutcomeAgreement.Overlap(e.Entity, byLa));
        }

        var outcomes = Tracked<OaOutcome>();
        var changedOutcomes = outcomes.Where(IsWrite).ToList();
        if (changedOutcomes.Count > 0)
        {
            var agreementIds = StoredKeys(changedOutcomes, nameof(OaOutcome.AgreementId));
            var trackedIds = TrackedIds(outcomes);
            var siblings = Chunks(agreementIds).SelectMany(chunk => db.OaOutcomes.AsNoTracking().Where(o => chunk.Contains(o.AgreementId)).ToList())
                .Where(o => !trackedIds.Contains(o.Id))
                .Concat(outcomes.Where(IsLive).Select(e => e.Entity))
                .ToLookup(AgreementKey);
            foreach (var key in changedOutcomes.Select(e => AgreementKey(e.Entity)).Distinct())
                _violations.AddRange(OaOutcome.AgreementRules(siblings[key].ToList()));
        }

        var ratings = Tracked<OaOutcomeRating>();
        var changedRatings = ratings.Where(IsWrite).ToList();
        if (changedRatings.Count > 0)
        {
            Unique<OaOutcomeRating, (int, int)>(
                e => (Fk(e, nameof(OaOutcomeRating.AssessmentId)), Fk(e, nameof(OaOutcomeRating.OutcomeId))),
                ids => db.OaOutcomeRatings.Where(r => ids.Contains(r.AssessmentId)).Select(r => new Row<(int, int)>(r.Id, new(r.AssessmentId, r.OutcomeId))),
                nameof(OaOutcomeRating.AssessmentId),
                r => new(RuleCodes.OaRatingDuplicate, "The outcome is already rated in this assessment; WG rates each outcome once a year."));
            var outcomeAgreement = Principals<OaOutcome, (int, string)>(changedRatings, nameof(OaOutcomeRating.Outcome), nameof(OaOutcomeRating.OutcomeId),
                o => (o.AgreementId, o.ThemeCode), ids => db.OaOutcomes.Where(o => ids.Contains(o.Id)).Select(o => new Row<(int, string)>(o.Id, new(o.AgreementId, o.ThemeCode))));
            var assessmentAgreement = Principals<OaAssessment, int>(changedRatings, nameof(OaOutcomeRating.Assessment), nameof(OaOutcomeRating.AssessmentId),
                a => a.AgreementId, ids => db.OaAssessments.Where(a => ids.Contains(a.Id)).Select(a => new Row<int>(a.Id, a.AgreementId)));
            foreach (var e in changedRatings)
                if (outcomeAgreement.TryGetValue(e.Entity, out var o) && assessmentAgreement.TryGetValue(e.Entity, out var assessed))
                    Add(OaOutcomeRating.AgreementRule(o.Item1, assessed, o.Item2));
        }

        foreach (var e in Tracked<OaAssessment>().Where(IsWrite))
            if (Principal<OutcomeAgreement>(e, nameof(OaAssessment.Agreement), nameof(OaAssessment.AgreementId)) is { } agreement)
                Add(OutcomeAgreement.GrantRule(agreement, e.Entity));
    }

    // ---- Measures ----

    private void MeasureValues()
    {
        Unique<MeasureValue, (string, string, MeasureSubject, int?, string?, string?, Subgroup)>(
            e => (e.Entity.MeasureCode, e.Entity.YearCode, e.Entity.Subject, FkOrNull(e, nameof(MeasureValue.SchoolId)),
                e.Entity.LaCode, e.Entity.ConsortiumCode, e.Entity.Subgroup),
            ids => db.MeasureValues.Where(m => m.SchoolId != null && ids.Contains(m.SchoolId.Value))
                .Select(m => new Row<(string, string, MeasureSubject, int?, string?, string?, Subgroup)>(m.Id,
                    new(m.MeasureCode, m.YearCode, m.Subject, m.SchoolId, m.LaCode, m.ConsortiumCode, m.Subgroup))),
            nameof(MeasureValue.SchoolId),
            v => new(RuleCodes.MeasureValueDuplicate, $"{v.MeasureCode} for {v.YearCode} ({v.Subject}, {v.Subgroup}) is already recorded for this subject."),
            applies: v => v.Subject == MeasureSubject.School);
        // LA, consortium and Wales values are few: check them by measure and year.
        Unique<MeasureValue, (string, string, MeasureSubject, int?, string?, string?, Subgroup)>(
            e => (e.Entity.MeasureCode, e.Entity.YearCode, e.Entity.Subject, FkOrNull(e, nameof(MeasureValue.SchoolId)),
                e.Entity.LaCode, e.Entity.ConsortiumCode, e.Entity.Subgroup),
            _ => throw new InvalidOperationException("storedFor is used instead"),
            nameof(MeasureValue.SchoolId),
            v => new(RuleCodes.MeasureValueDuplicate, $"{v.MeasureCode} for {v.YearCode} ({v.Subject}, {v.Subgroup}) is already recorded for this subject."),
            applies: v => v.Subject != MeasureSubject.School,
            storedFor: changed =>
            {
                var codes = changed.Select(e => e.Entity.MeasureCode).Distinct().ToList();
                var years = changed.Select(e => e.Entity.YearCode).Distinct().ToList();
                return db.MeasureValues.AsNoTracking()
                    .Where(m => m.SchoolId == null && codes.Contains(m.MeasureCode) && years.Contains(m.YearCode))
                    .Select(m => new Row<(string, string, MeasureSubject, int?, string?, string?, Subgroup)>(m.Id,
                        new(m.MeasureCode, m.YearCode, m.Subject, m.SchoolId, m.LaCode, m.ConsortiumCode, m.Subgroup)))
                    .ToList();
            });
    }

    // ---- Helpers ----

    /// <summary>A stored row's id and the values a rule compares.</summary>
    private sealed record Row<TValue>(int Id, TValue Value);

    /// <summary>
    /// At most one row per key once this save is applied. Stored rows are fetched in chunks by the parent id that
    /// leads the key (<paramref name="parentForeignKey"/>); tracked rows supersede their stored versions.
    /// </summary>
    private void Unique<T, TKey>(Func<EntityEntry<T>, TKey> key, Func<List<int>, IQueryable<Row<TKey>>> storedByParent,
        string parentForeignKey, Func<T, RuleViolation> violation, Func<T, bool>? applies = null,
        Func<List<EntityEntry<T>>, List<Row<TKey>>>? storedFor = null)
        where T : class, IHasId where TKey : notnull
    {
        applies ??= _ => true;
        var tracked = Tracked<T>();
        var changed = tracked.Where(e => IsWrite(e) && applies(e.Entity)).ToList();
        if (changed.Count == 0) return;
        var trackedIds = TrackedIds(tracked);
        var stored = storedFor is not null
            ? storedFor(changed)
            : Chunks(changed.Where(e => !e.Property(parentForeignKey).IsTemporary && FkOrNull(e, parentForeignKey) is not null)
                    .Select(e => FkOrNull(e, parentForeignKey)!.Value).Distinct().ToList())
                .SelectMany(chunk => storedByParent(chunk).AsNoTracking().ToList()).ToList();
        var counts = new Dictionary<TKey, int>();
        foreach (var k in stored.Where(r => !trackedIds.Contains(r.Id)).Select(r => r.Value)
                     .Concat(tracked.Where(e => IsLive(e) && applies(e.Entity)).Select(key)))
            counts[k] = counts.GetValueOrDefault(k) + 1;
        foreach (var e in changed)
            if (counts[key(e)] > 1) _violations.Add(violation(e.Entity));
    }

    /// <summary>A value of each dependent's principal (keyed by dependent entity): from the navigation, a tracked principal, or one batched query.</summary>
    private Dictionary<object, TValue> Principals<TPrincipal, TValue>(IEnumerable<EntityEntry> dependents,
        string navigation, string foreignKey, Func<TPrincipal, TValue> value, Func<List<int>, IQueryable<Row<TValue>>> stored)
        where TPrincipal : class, IHasId
    {
        var result = new Dictionary<object, TValue>(ReferenceEqualityComparer.Instance);
        var missing = new List<(object Entity, int Id)>();
        foreach (var e in dependents)
        {
            if (Principal<TPrincipal>(e, navigation, foreignKey, queryStore: false) is { } p) result[e.Entity] = value(p);
            else if (FkOrNull(e, foreignKey) is { } id && !e.Property(foreignKey).IsTemporary) missing.Add((e.Entity, id));
        }
        var found = Chunks(missing.Select(m => m.Id).Distinct().ToList())
            .SelectMany(chunk => stored(chunk).AsNoTracking().ToList()).ToDictionary(r => r.Id, r => r.Value);
        foreach (var (entity, id) in missing)
            if (found.TryGetValue(id, out var v)) result[entity] = v;
        return result;
    }

    /// <summary>The principal through the navigation if set, else the tracked one, else (optionally) the stored one.</summary>
    private T? Principal<T>(EntityEntry dependent, string navigation, string foreignKey, bool queryStore = true) where T : class, IHasId
    {
        if (dependent.Reference(navigation).CurrentValue is T loaded) return loaded;
        var id = FkOrNull(dependent, foreignKey);
        if (id is null) return null;
        return TrackedById<T>().TryGetValue(id.Value, out var t) ? (T)t
            : queryStore ? db.Set<T>().AsNoTracking().FirstOrDefault(x => x.Id == id.Value) : null;
    }

    private T? Find<T>(int id) where T : class, IHasId =>
        TrackedById<T>().TryGetValue(id, out var t) ? (T)t : db.Set<T>().AsNoTracking().FirstOrDefault(x => x.Id == id);

    private Dictionary<int, object> TrackedById<T>() where T : class, IHasId
    {
        if (!_trackedById.TryGetValue(typeof(T), out var map))
            _trackedById[typeof(T)] = map = _entries[typeof(T)].Where(e => e.State != EntityState.Added)
                .ToDictionary(e => ((T)e.Entity).Id, e => e.Entity);
        return map;
    }

    /// <summary>Ids of tracked rows that exist in the database: their tracked values replace the stored ones.</summary>
    private static HashSet<int> TrackedIds<T>(List<EntityEntry<T>> tracked) where T : class, IHasId =>
        tracked.Where(e => e.State != EntityState.Added).Select(e => e.Entity.Id).ToHashSet();

    /// <summary>
    /// Groups outcomes by agreement: a stored agreement by its id whether or not its entity is tracked (the stored
    /// siblings read back carry only the id), an agreement added in this same save (temporary key) by its instance.
    /// </summary>
    private static object AgreementKey(OaOutcome o) => o.Agreement is { Id: <= 0 } added ? added : o.Agreement?.Id ?? o.AgreementId;

    private static List<int> StoredKeys<T>(List<EntityEntry<T>> entries, string foreignKey) where T : class =>
        entries.Where(e => !e.Property(foreignKey).IsTemporary).Select(e => Fk(e, foreignKey)).Distinct().ToList();

    private static IEnumerable<List<TItem>> Chunks<TItem>(List<TItem> items) => items.Chunk(QueryChunk).Select(c => c.ToList());

    private static int Fk(EntityEntry e, string property) => (int)e.Property(property).CurrentValue!;

    private static int? FkOrNull(EntityEntry e, string property) => (int?)e.Property(property).CurrentValue;
}
