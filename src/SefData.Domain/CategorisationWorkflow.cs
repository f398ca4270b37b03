namespace SefData.Domain;

/// <summary>
/// Who made a change. <see cref="PersonId"/> is the person the client names; <see cref="EntraObjectId"/> is the
/// signed-in user's Entra ID object id (the token's <c>oid</c> claim). The API has no sign-in yet, so the oid is
/// null today; when Entra sign-in arrives it is filled from the token and can later be mapped to a person.
/// </summary>
public sealed record ChangeActor(int? PersonId, string? EntraObjectId)
{
    public static readonly ChangeActor Unknown = new(null, null);
}

/// <summary>A requested stage move with the facts that belong to it.</summary>
public sealed record StageMove(CategorisationStage To, ChangeActor By, DateTime AtUtc)
{
    /// <summary>The consortium's moderation outcome; only with the move to Moderated.</summary>
    public SupportColour? ModeratedColour { get; init; }
    /// <summary>
    /// When the colour was agreed with the head and governors; only with the move to Agreed. No default: results are
    /// often recorded long after the meeting (back-loading past years), and the history row keeps when the move was made.
    /// </summary>
    public DateOnly? AgreedDate { get; init; }
    /// <summary>Only with the move to Published, where it is required.</summary>
    public DateOnly? PublishedDate { get; init; }
    public string? Note { get; init; }
}

public partial class CategorisationResult
{
    public const int CapacityEvidenceMaxLength = 4000;

    /// <summary>
    /// The workflow moves one stage at a time: draft -> agreed -> moderated -> verified -> published. Going back is
    /// <see cref="RuleCodes.StageBackwards"/> (also enforced on every save), anything else but the next stage
    /// <see cref="RuleCodes.StageSkip"/>.
    /// </summary>
    public static RuleViolation? NextStageRule(CategorisationStage from, CategorisationStage to) =>
        StageRule(from, to)
        ?? (to == from + 1 ? null : new(RuleCodes.StageSkip, to == from
            ? $"The categorisation is already {from}."
            : $"Categorisation moves one stage at a time: {from} can only go to {from + 1}, not {to}."));

    /// <summary>After the draft, the judgement and colour change only through the workflow (moderation).</summary>
    public RuleViolation? DraftOnlyRule() =>
        Stage == CategorisationStage.Draft ? null
            : new(RuleCodes.NotDraft, $"Only a draft can be edited; this categorisation is {Stage}.");

    /// <summary>
    /// Every rule a move must pass, checked before anything changes: the step, the moderation-only colour change,
    /// the stage dates, the note and the actor.
    /// </summary>
    public IReadOnlyList<RuleViolation> CheckMove(StageMove move)
    {
        var violations = new List<RuleViolation>();
        if (NextStageRule(Stage, move.To) is { } step) violations.Add(step);
        if (move.ModeratedColour is not null && move.To != CategorisationStage.Moderated)
            violations.Add(new(RuleCodes.ModerationOnly, "moderatedColour is the moderation outcome: give it only when moving to MODERATED."));
        if (move.AgreedDate is not null && move.To != CategorisationStage.Agreed)
            violations.Add(new(RuleCodes.StageDate, "agreedDate is the day the colour was agreed with the head and governors: give it only when moving to AGREED."));
        if (move.AgreedDate is { } agreed && agreed > DateOnly.FromDateTime(move.AtUtc))
            violations.Add(new(RuleCodes.StageDate, $"The agreement date {agreed:yyyy-MM-dd} is in the future."));
        if (move.PublishedDate is not null && move.To != CategorisationStage.Published)
            violations.Add(new(RuleCodes.StageDate, "publishedDate is given only when moving to PUBLISHED."));
        if (move.To == CategorisationStage.Published && (move.PublishedDate ?? PublishedDate) is null)
            violations.Add(new(RuleCodes.PublishedWithoutDate, "A published categorisation needs its publication date."));
        violations.AddRange(CategorisationStageChange.CheckNote(move.Note));
        violations.AddRange(CategorisationStageChange.CheckActor(move.By));
        return violations;
    }

    /// <summary>
    /// Moves the categorisation one stage on and appends the history row to <see cref="StageHistory"/>, so one save
    /// writes both. Throws <see cref="DomainRuleException"/> (nothing changed) when a rule fails.
    /// </summary>
    public CategorisationStageChange MoveStage(StageMove move)
    {
        RequireUtc(move.AtUtc);
        if (CheckMove(move) is { Count: > 0 } violations) throw new DomainRuleException(violations);
        var colourBefore = SupportColour;
        if (move.ModeratedColour is { } moderated) SupportColour = moderated;
        if (move.AgreedDate is { } agreed) AgreedDate = agreed;
        if (move.PublishedDate is { } published) PublishedDate = published;
        var change = new CategorisationStageChange
        {
            CategorisationResult = this, CategorisationResultId = Id, FromStage = Stage, ToStage = move.To,
            ColourBefore = colourBefore == SupportColour ? null : colourBefore, ColourAfter = SupportColour,
            ChangedAtUtc = move.AtUtc, ChangedByPersonId = move.By.PersonId, ChangedByEntraObjectId = move.By.EntraObjectId,
            Note = move.Note,
        };
        Stage = move.To;
        StageHistory.Add(change);
        return change;
    }

    /// <summary>
    /// The first history row of a categorisation recorded as a draft (from no stage to Draft, with the draft colour).
    /// Results loaded in bulk (the published demo data) have no history: they were never moved through the API.
    /// </summary>
    public CategorisationStageChange RecordDraft(ChangeActor by, DateTime atUtc, string? note)
    {
        RequireUtc(atUtc);
        var violations = new List<RuleViolation>();
        if (Stage != CategorisationStage.Draft || StageHistory.Count > 0)
            violations.Add(new(RuleCodes.StageSkip, $"Only a new draft starts a history; this categorisation is {Stage}."));
        violations.AddRange(CategorisationStageChange.CheckNote(note));
        violations.AddRange(CategorisationStageChange.CheckActor(by));
        if (violations.Count > 0) throw new DomainRuleException(violations);
        var change = new CategorisationStageChange
        {
            CategorisationResult = this, CategorisationResultId = Id, FromStage = null, ToStage = CategorisationStage.Draft,
            ColourAfter = SupportColour, ChangedAtUtc = atUtc, ChangedByPersonId = by.PersonId, ChangedByEntraObjectId = by.EntraObjectId, Note = note,
        };
        StageHistory.Add(change);
        return change;
    }

    private static void RequireUtc(DateTime at)
    {
        // A programming error, not user input: local times would sort wrongly across providers.
        if (at.Kind != DateTimeKind.Utc) throw new ArgumentException("Stage changes are timed in UTC.", nameof(at));
    }
}

/// <summary>
/// One step of a categorisation's workflow: from which stage to which, the colour after it (and before it when
/// moderation changed it), when, who (person and/or Entra object id) and why. Append-only history.
/// </summary>
public class CategorisationStageChange : IHasId, IValidatable
{
    public const int NoteMaxLength = 2000;
    /// <summary>An Entra object id is a GUID in its 36-character form.</summary>
    public const int EntraObjectIdLength = 36;

    public int Id { get; set; }
    public int CategorisationResultId { get; set; }
    public CategorisationResult? CategorisationResult { get; set; }
    /// <summary>Null for the row that records the draft's creation.</summary>
    public CategorisationStage? FromStage { get; set; }
    public CategorisationStage ToStage { get; set; }
    /// <summary>The colour before the step, only when the step changed it (moderation).</summary>
    public SupportColour? ColourBefore { get; set; }
    /// <summary>The colour after the step: for Agreed, the colour agreed with the head and governors.</summary>
    public SupportColour ColourAfter { get; set; }
    public DateTime ChangedAtUtc { get; set; }
    public int? ChangedByPersonId { get; set; }
    public Person? ChangedBy { get; set; }
    /// <summary>Seam for Entra ID sign-in: the token's <c>oid</c> of whoever made the change (null until sign-in exists).</summary>
    public string? ChangedByEntraObjectId { get; set; }
    /// <summary>Evidence or reason for the step (e.g. the moderation panel's reasoning).</summary>
    public string? Note { get; set; }

    public IEnumerable<RuleViolation> Validate()
    {
        var expectedFrom = ToStage == CategorisationStage.Draft ? (CategorisationStage?)null : ToStage - 1;
        if (FromStage != expectedFrom)
            yield return new(RuleCodes.StageSkip, $"A history step to {ToStage} comes from {expectedFrom?.ToString() ?? "no stage"}, not {FromStage?.ToString() ?? "no stage"}.");
        if (ColourBefore is { } before && (ToStage != CategorisationStage.Moderated || before == ColourAfter))
            yield return new(RuleCodes.ModerationOnly, "Only moderation changes the colour; a step records the colour before only when it changed.");
        foreach (var v in CheckNote(Note)) yield return v;
        foreach (var v in CheckActor(new(ChangedByPersonId, ChangedByEntraObjectId))) yield return v;
    }

    public static IEnumerable<RuleViolation> CheckNote(string? note) => Check.MaxLength(note, NoteMaxLength, "Stage change note");

    public static IEnumerable<RuleViolation> CheckActor(ChangeActor actor)
    {
        if (actor.EntraObjectId is { } oid && !(oid.Length == EntraObjectIdLength && Guid.TryParseExact(oid, "D", out _)))
            yield return new(RuleCodes.EntraObjectIdFormat, $"'{oid}' is not an Entra object id (a GUID like 00000000-0000-0000-0000-000000000000).");
    }
}
