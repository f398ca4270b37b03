namespace SefData.Domain;

public enum SepLevel { Expected, Developing, Deepening, Transformed }
public enum EvaluationTool { Sep, Cif, Other }
public enum EvaluationScope { Full, Partial }
public enum CycleModel { Associate, ImprovementFacilitator, Other }
public enum BarrierScope { Internal, Local, National }
public enum EscalationTarget { LocalAuthority, Consortium, WelshGovernment }
public enum ActionPlanOwner { Cycle, Group, Brokerage }
public enum ReviewKind { MidTerm, Final }

/// <summary>One of the six SEF elements (reference).</summary>
public class SefElement
{
    public string Code { get; set; } = "";
    public int Number { get; set; }
    public string NameEn { get; set; } = "";
}

/// <summary>One of the five SEF core themes (reference).</summary>
public class SefTheme
{
    public string Code { get; set; } = "";
    public int Number { get; set; }
    public string NameEn { get; set; } = "";
}

public class SelfEvaluation : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public string YearCode { get; set; } = "";
    public EvaluationTool Tool { get; set; }
    public DateOnly Date { get; set; }
    public EvaluationScope Scope { get; set; }
    /// <summary>Comma-separated participant groups (SLT, STAFF, GOVERNORS, PUPILS, PARENTS, PARTNERS).</summary>
    public string? Participants { get; set; }
    public int Version { get; set; }
    public List<SepRating> Ratings { get; set; } = [];

    public IEnumerable<RuleViolation> Validate() => AcademicYears.Check(YearCode, "Self-evaluation year");
}

/// <summary>An element rating. Append-only: a lower re-rating may mean better self-knowledge, so every rating is kept.</summary>
public class SepRating : IHasId
{
    public int Id { get; set; }
    public int SelfEvaluationId { get; set; }
    public SelfEvaluation? SelfEvaluation { get; set; }
    public string ElementCode { get; set; } = "";
    public SefElement? Element { get; set; }
    public string? AspectCode { get; set; }
    public SepLevel Level { get; set; }
    public DateOnly RatedOn { get; set; }
    public string? Evidence { get; set; }
}

/// <summary>A school's SEF improvement cycle for a year (the five pilot phases).</summary>
public class ImprovementCycle : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public string YearCode { get; set; } = "";
    public CycleModel Model { get; set; }
    public int? FacilitatorPersonId { get; set; }
    public Person? Facilitator { get; set; }
    public int? LinkAdviserPersonId { get; set; }
    public Person? LinkAdviser { get; set; }
    public int Phase { get; set; } = 1;
    public string? JoinReason { get; set; }
    public int Version { get; set; }
    public List<ThemeForImprovement> Themes { get; set; } = [];
    public List<KeyStrength> KeyStrengths { get; set; } = [];
    public List<BarrierToEffectiveness> Barriers { get; set; } = [];
    public List<Review> Reviews { get; set; } = [];

    public IEnumerable<RuleViolation> Validate()
    {
        foreach (var v in AcademicYears.Check(YearCode, "Cycle year")) yield return v;
        if (Phase is < 1 or > 5) yield return new(RuleCodes.CyclePhase, $"Cycle phase must be 1-5 (was {Phase}).");
    }
}

/// <summary>A theme for improvement: objectives spanning at least two SEF elements.</summary>
public class ThemeForImprovement : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    public ImprovementCycle? Cycle { get; set; }
    public string Title { get; set; } = "";
    public string? Objectives { get; set; }
    public int Version { get; set; }
    public List<ThemeElement> Elements { get; set; } = [];

    public IEnumerable<RuleViolation> Validate() => Check.Required(Title, "Theme title");

    public static RuleViolation? SpanRule(string title, IEnumerable<string> elementCodes)
    {
        var n = elementCodes.Distinct().Count();
        return n >= 2 ? null : new(RuleCodes.ThemeElements,
            $"Theme '{title}' spans {n} SEF element(s); a theme for improvement spans at least two.");
    }
}

public class ThemeElement
{
    public int ThemeId { get; set; }
    public ThemeForImprovement? Theme { get; set; }
    public string ElementCode { get; set; } = "";
    public SefElement? Element { get; set; }
}

/// <summary>Key strengths make up the consortium register when offered to others.</summary>
public class KeyStrength : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    public ImprovementCycle? Cycle { get; set; }
    public string ElementCode { get; set; } = "";
    public SefElement? Element { get; set; }
    public string Text { get; set; } = "";
    public bool OfferedToOthers { get; set; }
    public int Version { get; set; }

    public IEnumerable<RuleViolation> Validate() => Check.Required(Text, "Key strength text");
}

public class BarrierToEffectiveness : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    public ImprovementCycle? Cycle { get; set; }
    public BarrierScope Scope { get; set; }
    public string Description { get; set; } = "";
    public EscalationTarget? EscalatedTo { get; set; }
    public DateOnly? EscalatedOn { get; set; }
    public string? Response { get; set; }
    public int Version { get; set; }

    public IEnumerable<RuleViolation> Validate()
    {
        foreach (var v in Check.Required(Description, "Barrier description")) yield return v;
        if (EscalatedTo is not null && Scope == BarrierScope.Internal)
            yield return new(RuleCodes.BarrierEscalation, "Internal barriers are the school's own; only local or national barriers escalate.");
        if (Response is not null && EscalatedTo is null)
            yield return new(RuleCodes.BarrierEscalation, "A response needs an escalation to respond to.");
    }
}

/// <summary>Action plan owned by exactly one of: an improvement cycle, a collaboration group, a brokerage.</summary>
public class ActionPlan : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public ActionPlanOwner Owner { get; set; }
    public int? CycleId { get; set; }
    public ImprovementCycle? Cycle { get; set; }
    public int? GroupId { get; set; }
    public CollaborationGroup? Group { get; set; }
    public int? BrokerageId { get; set; }
    public SupportBrokerage? Brokerage { get; set; }
    public string Title { get; set; } = "";
    public int Version { get; set; }
    public List<ActionObjective> Objectives { get; set; } = [];

    public IEnumerable<RuleViolation> Validate()
    {
        bool c = CycleId is not null || Cycle is not null, g = GroupId is not null || Group is not null, b = BrokerageId is not null || Brokerage is not null;
        var ok = Owner switch
        {
            ActionPlanOwner.Cycle => c && !g && !b,
            ActionPlanOwner.Group => !c && g && !b,
            _ => !c && !g && b,
        };
        if (!ok) yield return new(RuleCodes.ActionPlanOwner, $"An action plan owned by a {Owner} references exactly that owner.");
        foreach (var v in Check.Required(Title, "Action plan title")) yield return v;
    }
}

public class ActionObjective : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public int ActionPlanId { get; set; }
    public ActionPlan? ActionPlan { get; set; }
    public string Objective { get; set; } = "";
    public string? Steps { get; set; }
    public string? Milestones { get; set; }
    public string? Owner { get; set; }
    public string? Resources { get; set; }
    public string? SuccessCriteria { get; set; }
    public string? Monitoring { get; set; }
    public DateOnly? DueDate { get; set; }
    public int Version { get; set; }

    public IEnumerable<RuleViolation> Validate() => Check.Required(Objective, "Objective");
}

/// <summary>Mid-term or final review; the repeat SEP is a new self-evaluation.</summary>
public class Review : IHasId, IVersioned
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    public ImprovementCycle? Cycle { get; set; }
    public ReviewKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public int? RepeatSelfEvaluationId { get; set; }
    public SelfEvaluation? RepeatSelfEvaluation { get; set; }
    /// <summary>Comma-separated impact categories (direct performance, capacity, systems development, values-driven).</summary>
    public string? ImpactCategories { get; set; }
    public string? Summary { get; set; }
    public int Version { get; set; }
}

/// <summary>Subdivision of an element (3-4 each). In the red book, not in any seed: the table starts empty.</summary>
public class SefAspect
{
    public string ElementCode { get; set; } = "";
    public SefElement? Element { get; set; }
    public string Code { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int SortOrder { get; set; }
}
