namespace SefData.Domain;

public enum RoleKind { ChallengeAdviser, LinkAdviser, Associate, ImprovementFacilitator, RegionalCoordinator, Headteacher }
public enum EmployerKind { LocalAuthority, Consortium, WelshGovernment, School }

public class Person : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public string? Email { get; set; }
    public int Version { get; set; }
    public List<RoleAssignment> Roles { get; set; } = [];

    public IEnumerable<RuleViolation> Validate() => Check.Required(FamilyName, "Person family name");
}

/// <summary>A person in a role, dated. Challenge-adviser caseload is per school per academic year.</summary>
public class RoleAssignment : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public RoleKind Role { get; set; }
    public EmployerKind Employer { get; set; }
    public string? EmployerLaCode { get; set; }
    public string? EmployerConsortiumCode { get; set; }
    public int? EmployerSchoolId { get; set; }
    /// <summary>The school served (adviser caseload, headship).</summary>
    public int? SchoolId { get; set; }
    public School? School { get; set; }
    /// <summary>Academic year of a caseload assignment.</summary>
    public string? YearCode { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public decimal? AllocatedDays { get; set; }
    public int Version { get; set; }

    public IEnumerable<RuleViolation> Validate()
    {
        foreach (var v in Check.Range(ValidFrom, ValidTo, $"{Role} assignment")) yield return v;
        if (YearCode is not null) foreach (var v in AcademicYears.Check(YearCode, "Assignment year")) yield return v;
        foreach (var v in Check.NotNegative(AllocatedDays, "Allocated days")) yield return v;
        var employerOk = Employer switch
        {
            EmployerKind.LocalAuthority => EmployerLaCode is not null && EmployerConsortiumCode is null && EmployerSchoolId is null,
            EmployerKind.Consortium => EmployerConsortiumCode is not null && EmployerLaCode is null && EmployerSchoolId is null,
            EmployerKind.School => EmployerSchoolId is not null && EmployerLaCode is null && EmployerConsortiumCode is null,
            _ => EmployerLaCode is null && EmployerConsortiumCode is null && EmployerSchoolId is null,
        };
        if (!employerOk)
            yield return new(RuleCodes.RoleAssignment, $"{Role} assignment: exactly the employer reference for {Employer} must be set.");
        if (Role is RoleKind.ChallengeAdviser && (SchoolId is null && School is null || YearCode is null))
            yield return new(RuleCodes.RoleAssignment, "A challenge-adviser assignment names its school and academic year.");
    }
}
