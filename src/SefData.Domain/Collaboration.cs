namespace SefData.Domain;

public enum GroupType { SefNetwork, Plc, Nlc, Sig, Hub, Pathfinder, PeerEnquiry, Pioneer, Cluster, Family }
public enum GroupRole { Member, Lead, Provider, Supported, Enquirer, Host }
public enum BrokerageStatus { Proposed, Agreed, Active, Completed, Cancelled }

public class CollaborationGroup : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public GroupType Type { get; set; }
    public string Name { get; set; } = "";
    public string? Focus { get; set; }
    public string? ConsortiumCode { get; set; }
    public Consortium? Consortium { get; set; }
    public decimal? Budget { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int Version { get; set; }
    public List<GroupMembership> Memberships { get; set; } = [];

    public IEnumerable<RuleViolation> Validate() =>
        Check.Required(Name, "Group name").Concat(Check.Range(ValidFrom, ValidTo, $"Group {Name}")).Concat(Check.NotNegative(Budget, "Budget"));
}

/// <summary>A school in a group over an inclusive date range; one school's memberships of one group never overlap.</summary>
public class GroupMembership : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public CollaborationGroup? Group { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public GroupRole Role { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int Version { get; set; }

    public IEnumerable<RuleViolation> Validate() => Check.Range(ValidFrom, ValidTo, "Group membership");

    public static RuleViolation? Overlap(GroupMembership candidate, IEnumerable<GroupMembership> sameSchoolAndGroup)
    {
        var clash = sameSchoolAndGroup.FirstOrDefault(o => !ReferenceEquals(o, candidate)
            && Check.Overlaps(candidate.ValidFrom, candidate.ValidTo, o.ValidFrom, o.ValidTo));
        return clash is null ? null : new(RuleCodes.MembershipOverlap,
            $"The school is already a member of this group from {clash.ValidFrom:yyyy-MM-dd}; memberships must not overlap.");
    }
}

/// <summary>School-to-school support brokered by an adviser; colours are snapshots at brokering time.</summary>
public class SupportBrokerage : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public int ProviderSchoolId { get; set; }
    public School? Provider { get; set; }
    public int RecipientSchoolId { get; set; }
    public School? Recipient { get; set; }
    public int? BrokerPersonId { get; set; }
    public Person? Broker { get; set; }
    public string Focus { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public decimal PlannedDays { get; set; }
    public BrokerageStatus Status { get; set; }
    public string? Outcome { get; set; }
    public SupportColour? ProviderColour { get; set; }
    public SupportColour? RecipientColour { get; set; }
    public int Version { get; set; }

    public IEnumerable<RuleViolation> Validate()
    {
        if ((Provider is not null && ReferenceEquals(Provider, Recipient)) || (ProviderSchoolId != 0 && ProviderSchoolId == RecipientSchoolId))
            yield return new(RuleCodes.BrokerageSameSchool, "A school cannot broker support to itself: provider and recipient must differ.");
        // Red schools need the most support themselves; they are not brokered as providers.
        if (ProviderColour == SupportColour.Red)
            yield return new(RuleCodes.BrokerageRedProvider, "A red (greatest improvement needed) school cannot be brokered as a support provider.");
        foreach (var v in Check.Required(Focus, "Brokerage focus")) yield return v;
        foreach (var v in Check.Range(StartDate, EndDate, "Brokerage")) yield return v;
        foreach (var v in Check.NotNegative(PlannedDays, "Planned days")) yield return v;
    }
}

public enum ActivityType { LearningVisit, Triad, JointPlanning, LearningWalk, Cpd, Enquiry }

/// <summary>Something a collaboration group did on a date (learning visit, triad, learning walk...).</summary>
public class GroupActivity : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public CollaborationGroup? Group { get; set; }
    public ActivityType Type { get; set; }
    public DateOnly Date { get; set; }
    public int? HostSchoolId { get; set; }
    public School? HostSchool { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }

    public IEnumerable<RuleViolation> Validate() => [];
}

/// <summary>An Associate's or Improvement Facilitator's log entry, sent to the consortium (pay could depend on it).</summary>
public class ActivityLog : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int? SchoolId { get; set; }
    public School? School { get; set; }
    public DateOnly Date { get; set; }
    public decimal Hours { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }

    public IEnumerable<RuleViolation> Validate()
    {
        if (Hours is < 0 or > 24) yield return new(RuleCodes.NegativeNumber, $"Logged hours must be between 0 and 24 (was {Hours}).");
    }
}
