using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SefData.Domain;

namespace SefData.Data;

/// <summary>
/// The SefData database. Every save runs the domain rules (<see cref="WriteRules"/>) before any SQL is sent and bumps
/// <see cref="IVersioned.Version"/> on updated rows, so the rules hold for the API, the CLI and the generator alike.
/// </summary>
public class SefDataDbContext(DbContextOptions<SefDataDbContext> options) : DbContext(options)
{
    // Column sizes shared with the hand-written migrations: change both together (the migration test guards it).
    public const int CodeLength = 32;
    public const int NameLength = 200;
    public const int EnumLength = 32;

    public DbSet<AcademicYear> AcademicYears => Set<AcademicYear>();
    public DbSet<LocalAuthority> LocalAuthorities => Set<LocalAuthority>();
    public DbSet<Consortium> Consortia => Set<Consortium>();
    public DbSet<ConsortiumMembership> ConsortiumMemberships => Set<ConsortiumMembership>();
    public DbSet<LanguageCategory> LanguageCategories => Set<LanguageCategory>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<SchoolLink> SchoolLinks => Set<SchoolLink>();
    public DbSet<SchoolYearProfile> SchoolYearProfiles => Set<SchoolYearProfile>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<CategorisationColour> CategorisationColours => Set<CategorisationColour>();
    public DbSet<SupportDaysRule> SupportDaysRules => Set<SupportDaysRule>();
    public DbSet<CategorisationMatrixCell> CategorisationMatrix => Set<CategorisationMatrixCell>();
    public DbSet<CategorisationResult> CategorisationResults => Set<CategorisationResult>();
    public DbSet<CategorisationStageChange> CategorisationStageChanges => Set<CategorisationStageChange>();
    public DbSet<EstynFramework> EstynFrameworks => Set<EstynFramework>();
    public DbSet<EstynArea> EstynAreas => Set<EstynArea>();
    public DbSet<EstynGrade> EstynGrades => Set<EstynGrade>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<InspectionJudgement> InspectionJudgements => Set<InspectionJudgement>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<Measure> Measures => Set<Measure>();
    public DbSet<MeasureValue> MeasureValues => Set<MeasureValue>();
    public DbSet<CollaborationGroup> CollaborationGroups => Set<CollaborationGroup>();
    public DbSet<GroupMembership> GroupMemberships => Set<GroupMembership>();
    public DbSet<SupportBrokerage> SupportBrokerages => Set<SupportBrokerage>();
    public DbSet<OutcomeAgreement> OutcomeAgreements => Set<OutcomeAgreement>();
    public DbSet<OaOutcome> OaOutcomes => Set<OaOutcome>();
    public DbSet<OaMeasure> OaMeasures => Set<OaMeasure>();
    public DbSet<OaTarget> OaTargets => Set<OaTarget>();
    public DbSet<OaAssessment> OaAssessments => Set<OaAssessment>();
    public DbSet<OaOutcomeRating> OaOutcomeRatings => Set<OaOutcomeRating>();
    public DbSet<SefElement> SefElements => Set<SefElement>();
    public DbSet<SefTheme> SefThemes => Set<SefTheme>();
    public DbSet<SelfEvaluation> SelfEvaluations => Set<SelfEvaluation>();
    public DbSet<SepRating> SepRatings => Set<SepRating>();
    public DbSet<ImprovementCycle> ImprovementCycles => Set<ImprovementCycle>();
    public DbSet<ThemeForImprovement> ThemesForImprovement => Set<ThemeForImprovement>();
    public DbSet<ThemeElement> ThemeElements => Set<ThemeElement>();
    public DbSet<KeyStrength> KeyStrengths => Set<KeyStrength>();
    public DbSet<BarrierToEffectiveness> Barriers => Set<BarrierToEffectiveness>();
    public DbSet<ActionPlan> ActionPlans => Set<ActionPlan>();
    public DbSet<ActionObjective> ActionObjectives => Set<ActionObjective>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<SefAspect> SefAspects => Set<SefAspect>();
    public DbSet<GroupActivity> GroupActivities => Set<GroupActivity>();
    public DbSet<ActivityLog> ActivityLogs => Set<ActivityLog>();

    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        // Explicit precision so SQLite and PostgreSQL agree; columns that need less override it.
        b.Properties<decimal>().HavePrecision(18, 4);
    }

    protected override void OnModelCreating(ModelBuilder mb)
    {
        // Organisation
        mb.Entity<AcademicYear>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(7);
        });
        mb.Entity<LocalAuthority>(e =>
        {
            e.HasKey(x => x.LaCode);
            e.Property(x => x.LaCode).HasMaxLength(3);
            e.Property(x => x.NameEn).HasMaxLength(NameLength);
            e.Property(x => x.NameCy).HasMaxLength(NameLength);
        });
        mb.Entity<Consortium>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(CodeLength);
            e.Property(x => x.Name).HasMaxLength(NameLength);
        });
        mb.Entity<ConsortiumMembership>(e =>
        {
            e.Property(x => x.LaCode).HasMaxLength(3);
            e.Property(x => x.ConsortiumCode).HasMaxLength(CodeLength);
            e.HasOne(x => x.LocalAuthority).WithMany(x => x.ConsortiumMemberships).HasForeignKey(x => x.LaCode);
            e.HasOne(x => x.Consortium).WithMany(x => x.Memberships).HasForeignKey(x => x.ConsortiumCode);
            // "As at" roll-ups filter by LA and validity.
            e.HasIndex(x => new { x.LaCode, x.ValidFrom });
        });
        mb.Entity<LanguageCategory>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(CodeLength);
            e.Property(x => x.Scheme).HasMaxLength(CodeLength);
            e.Property(x => x.Code).HasMaxLength(CodeLength);
            e.Property(x => x.NameEn).HasMaxLength(NameLength);
            e.HasIndex(x => new { x.Scheme, x.Code }).IsUnique();
        });
        mb.Entity<School>(e =>
        {
            e.Property(x => x.SchoolNumber).HasMaxLength(7);
            e.Property(x => x.LaCode).HasMaxLength(3);
            e.Property(x => x.EstablishmentNumber).HasMaxLength(4);
            e.Property(x => x.NameEn).HasMaxLength(NameLength);
            e.Property(x => x.NameCy).HasMaxLength(NameLength);
            e.Property(x => x.LanguageCategoryId).HasMaxLength(CodeLength);
            e.Property(x => x.Faith).HasMaxLength(NameLength);
            e.HasIndex(x => x.SchoolNumber).IsUnique();
            e.HasIndex(x => x.LaCode);
            e.HasOne(x => x.LocalAuthority).WithMany().HasForeignKey(x => x.LaCode);
            e.HasOne(x => x.LanguageCategory).WithMany().HasForeignKey(x => x.LanguageCategoryId);
        });
        mb.Entity<SchoolLink>(e =>
        {
            e.HasOne(x => x.Predecessor).WithMany().HasForeignKey(x => x.PredecessorSchoolId);
            e.HasOne(x => x.Successor).WithMany().HasForeignKey(x => x.SuccessorSchoolId);
            e.HasIndex(x => new { x.PredecessorSchoolId, x.SuccessorSchoolId }).IsUnique();
        });
        mb.Entity<SchoolYearProfile>(e =>
        {
            e.Property(x => x.YearCode).HasMaxLength(7);
            e.Property(x => x.LanguageCategoryId).HasMaxLength(CodeLength);
            e.Property(x => x.PctEfsm).HasPrecision(5, 2);
            e.Property(x => x.PctAln).HasPrecision(5, 2);
            e.Property(x => x.PctMat).HasPrecision(5, 2);
            e.HasOne(x => x.School).WithMany(x => x.Profiles).HasForeignKey(x => x.SchoolId);
            e.HasOne(x => x.Year).WithMany().HasForeignKey(x => x.YearCode);
            e.HasOne(x => x.LanguageCategory).WithMany().HasForeignKey(x => x.LanguageCategoryId);
            e.HasIndex(x => new { x.SchoolId, x.YearCode }).IsUnique();
        });

        // People
        mb.Entity<Person>(e =>
        {
            e.Property(x => x.GivenName).HasMaxLength(NameLength);
            e.Property(x => x.FamilyName).HasMaxLength(NameLength);
            e.Property(x => x.Email).HasMaxLength(NameLength);
        });
        mb.Entity<RoleAssignment>(e =>
        {
            e.Property(x => x.EmployerLaCode).HasMaxLength(3);
            e.Property(x => x.EmployerConsortiumCode).HasMaxLength(CodeLength);
            e.Property(x => x.YearCode).HasMaxLength(7);
            e.Property(x => x.AllocatedDays).HasPrecision(6, 1);
            e.HasOne(x => x.Person).WithMany(x => x.Roles).HasForeignKey(x => x.PersonId);
            e.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId);
            e.HasOne<LocalAuthority>().WithMany().HasForeignKey(x => x.EmployerLaCode);
            e.HasOne<Consortium>().WithMany().HasForeignKey(x => x.EmployerConsortiumCode);
            e.HasOne<School>().WithMany().HasForeignKey(x => x.EmployerSchoolId);
            e.HasOne<AcademicYear>().WithMany().HasForeignKey(x => x.YearCode);
            e.HasIndex(x => new { x.SchoolId, x.YearCode, x.Role });
        });

        // Categorisation
        mb.Entity<CategorisationColour>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.NameEn).HasMaxLength(NameLength);
            e.Property(x => x.Meaning).HasMaxLength(NameLength);
        });
        mb.Entity<SupportDaysRule>(e =>
        {
            e.HasKey(x => new { x.Colour, x.ValidFromYearCode });
            e.Property(x => x.ValidFromYearCode).HasMaxLength(7);
            e.HasOne<CategorisationColour>().WithMany().HasForeignKey(x => x.Colour);
            e.HasOne<AcademicYear>().WithMany().HasForeignKey(x => x.ValidFromYearCode);
        });
        mb.Entity<CategorisationMatrixCell>(e =>
        {
            e.ToTable("CategorisationMatrix");
            e.Property(x => x.ValidFromYearCode).HasMaxLength(7);
            e.HasOne<AcademicYear>().WithMany().HasForeignKey(x => x.ValidFromYearCode);
            e.HasOne<CategorisationColour>().WithMany().HasForeignKey(x => x.Colour);
            // Named explicitly: the default name exceeds PostgreSQL's 63-character limit and would differ per provider.
            e.HasIndex(x => new { x.ValidFromYearCode, x.StandardsGroup, x.Capacity }).IsUnique().HasDatabaseName("IX_CategorisationMatrix_Cell");
        });
        mb.Entity<CategorisationResult>(e =>
        {
            e.Property(x => x.YearCode).HasMaxLength(7);
            e.HasOne(x => x.School).WithMany(x => x.Categorisations).HasForeignKey(x => x.SchoolId);
            e.HasOne(x => x.Year).WithMany().HasForeignKey(x => x.YearCode);
            e.HasOne<CategorisationColour>().WithMany().HasForeignKey(x => x.SupportColour);
            e.HasOne(x => x.Adviser).WithMany().HasForeignKey(x => x.AdviserPersonId);
            e.Property(x => x.CapacityEvidence).HasMaxLength(CategorisationResult.CapacityEvidenceMaxLength);
            // Backs the one-result-per-school-per-year rule and serves dashboard filters.
            e.HasIndex(x => new { x.SchoolId, x.YearCode }).IsUnique();
            e.HasIndex(x => new { x.YearCode, x.SupportColour });
        });
        mb.Entity<CategorisationStageChange>(e =>
        {
            e.Property(x => x.ChangedByEntraObjectId).HasMaxLength(CategorisationStageChange.EntraObjectIdLength);
            e.Property(x => x.Note).HasMaxLength(CategorisationStageChange.NoteMaxLength);
            // SQLite hands DateTime back unspecified; the column always holds UTC.
            e.Property(x => x.ChangedAtUtc).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
            // Names given explicitly: the defaults exceed PostgreSQL's 63 characters and would differ per provider.
            e.HasOne(x => x.CategorisationResult).WithMany(x => x.StageHistory).HasForeignKey(x => x.CategorisationResultId)
                .HasConstraintName("FK_CategorisationStageChanges_CategorisationResults");
            e.HasOne(x => x.ChangedBy).WithMany().HasForeignKey(x => x.ChangedByPersonId);
            // The history of a batch of results, oldest first, in one index range scan.
            e.HasIndex(x => new { x.CategorisationResultId, x.ChangedAtUtc }).HasDatabaseName("IX_CategorisationStageChanges_Result_ChangedAt");
        });

        // Estyn
        mb.Entity<EstynFramework>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(CodeLength);
            e.Property(x => x.NameEn).HasMaxLength(NameLength);
        });
        mb.Entity<EstynArea>(e =>
        {
            e.HasKey(x => new { x.FrameworkCode, x.Code });
            e.Property(x => x.FrameworkCode).HasMaxLength(CodeLength);
            e.Property(x => x.Code).HasMaxLength(CodeLength);
            e.Property(x => x.NameEn).HasMaxLength(NameLength);
            e.HasOne<EstynFramework>().WithMany(x => x.Areas).HasForeignKey(x => x.FrameworkCode);
        });
        mb.Entity<EstynGrade>(e =>
        {
            e.HasKey(x => new { x.FrameworkCode, x.Code });
            e.Property(x => x.FrameworkCode).HasMaxLength(CodeLength);
            e.Property(x => x.Code).HasMaxLength(CodeLength);
            e.Property(x => x.Label).HasMaxLength(NameLength);
            e.HasOne<EstynFramework>().WithMany(x => x.Grades).HasForeignKey(x => x.FrameworkCode);
        });
        mb.Entity<Inspection>(e =>
        {
            e.Property(x => x.LaCode).HasMaxLength(3);
            e.Property(x => x.FrameworkCode).HasMaxLength(CodeLength);
            e.HasOne(x => x.School).WithMany(x => x.Inspections).HasForeignKey(x => x.SchoolId);
            e.HasOne(x => x.LocalAuthority).WithMany().HasForeignKey(x => x.LaCode);
            e.HasOne(x => x.Framework).WithMany().HasForeignKey(x => x.FrameworkCode);
            e.HasIndex(x => x.StartDate);
            e.HasIndex(x => new { x.FrameworkCode, x.StartDate });
        });
        mb.Entity<InspectionJudgement>(e =>
        {
            e.Property(x => x.FrameworkCode).HasMaxLength(CodeLength);
            e.Property(x => x.AreaCode).HasMaxLength(CodeLength);
            e.Property(x => x.GradeCode).HasMaxLength(CodeLength);
            e.HasOne(x => x.Inspection).WithMany(x => x.Judgements).HasForeignKey(x => x.InspectionId);
            // Composite keys make the database refuse an area or grade from another framework too.
            e.HasOne(x => x.Area).WithMany().HasForeignKey(x => new { x.FrameworkCode, x.AreaCode });
            e.HasOne(x => x.Grade).WithMany().HasForeignKey(x => new { x.FrameworkCode, x.GradeCode });
            e.HasIndex(x => new { x.InspectionId, x.AreaCode }).IsUnique();
        });
        mb.Entity<FollowUp>(e =>
        {
            e.HasOne(x => x.Inspection).WithMany(x => x.FollowUps).HasForeignKey(x => x.InspectionId);
            e.HasIndex(x => new { x.Category, x.StartDate });
        });
        mb.Entity<Recommendation>(e =>
        {
            e.HasOne(x => x.Inspection).WithMany(x => x.Recommendations).HasForeignKey(x => x.InspectionId);
            e.HasIndex(x => new { x.InspectionId, x.Sequence }).IsUnique();
        });

        // Outcomes
        mb.Entity<Measure>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(CodeLength);
            e.Property(x => x.NameEn).HasMaxLength(NameLength);
            e.Property(x => x.Unit).HasMaxLength(CodeLength);
            e.Property(x => x.MethodologyVersion).HasMaxLength(CodeLength);
        });
        mb.Entity<MeasureValue>(e =>
        {
            e.Property(x => x.MeasureCode).HasMaxLength(CodeLength);
            e.Property(x => x.YearCode).HasMaxLength(7);
            e.Property(x => x.LaCode).HasMaxLength(3);
            e.Property(x => x.ConsortiumCode).HasMaxLength(CodeLength);
            e.HasOne(x => x.Measure).WithMany().HasForeignKey(x => x.MeasureCode);
            e.HasOne<AcademicYear>().WithMany().HasForeignKey(x => x.YearCode);
            e.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId);
            e.HasOne<LocalAuthority>().WithMany().HasForeignKey(x => x.LaCode);
            e.HasOne<Consortium>().WithMany().HasForeignKey(x => x.ConsortiumCode);
            e.HasIndex(x => new { x.MeasureCode, x.YearCode, x.Subject });
            e.HasIndex(x => new { x.SchoolId, x.YearCode });
        });

        // Collaboration
        mb.Entity<CollaborationGroup>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(NameLength);
            e.Property(x => x.ConsortiumCode).HasMaxLength(CodeLength);
            e.Property(x => x.Budget).HasPrecision(14, 2);
            e.HasOne(x => x.Consortium).WithMany().HasForeignKey(x => x.ConsortiumCode);
            e.HasIndex(x => x.Type);
        });
        mb.Entity<GroupMembership>(e =>
        {
            e.HasOne(x => x.Group).WithMany(x => x.Memberships).HasForeignKey(x => x.GroupId);
            e.HasOne(x => x.School).WithMany(x => x.GroupMemberships).HasForeignKey(x => x.SchoolId);
            e.HasIndex(x => new { x.GroupId, x.SchoolId, x.ValidFrom });
            e.HasIndex(x => new { x.SchoolId, x.ValidFrom });
        });
        mb.Entity<GroupActivity>(e =>
        {
            e.HasOne(x => x.Group).WithMany().HasForeignKey(x => x.GroupId);
            e.HasOne(x => x.HostSchool).WithMany().HasForeignKey(x => x.HostSchoolId);
            e.HasIndex(x => new { x.GroupId, x.Date });
        });
        mb.Entity<ActivityLog>(e =>
        {
            e.Property(x => x.Hours).HasPrecision(5, 2);
            e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId);
            e.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId);
            e.HasIndex(x => new { x.PersonId, x.Date });
        });
        mb.Entity<SupportBrokerage>(e =>
        {
            e.Property(x => x.Focus).HasMaxLength(NameLength);
            e.Property(x => x.PlannedDays).HasPrecision(6, 1);
            e.HasOne(x => x.Provider).WithMany().HasForeignKey(x => x.ProviderSchoolId);
            e.HasOne(x => x.Recipient).WithMany().HasForeignKey(x => x.RecipientSchoolId);
            e.HasOne(x => x.Broker).WithMany().HasForeignKey(x => x.BrokerPersonId);
            e.HasIndex(x => x.ProviderSchoolId);
            e.HasIndex(x => x.RecipientSchoolId);
        });

        // Outcome agreements
        mb.Entity<OutcomeAgreement>(e =>
        {
            e.Property(x => x.LaCode).HasMaxLength(3);
            e.Property(x => x.MaxGrant).HasPrecision(14, 2);
            e.HasOne(x => x.LocalAuthority).WithMany().HasForeignKey(x => x.LaCode);
            e.HasIndex(x => new { x.LaCode, x.PeriodStart }).IsUnique();
        });
        mb.Entity<OaOutcome>(e =>
        {
            e.Property(x => x.ThemeCode).HasMaxLength(CodeLength);
            e.Property(x => x.Title).HasMaxLength(NameLength);
            e.Property(x => x.Weight).HasPrecision(5, 2);
            e.HasOne(x => x.Agreement).WithMany(x => x.Outcomes).HasForeignKey(x => x.AgreementId);
        });
        mb.Entity<OaMeasure>(e =>
        {
            e.Property(x => x.MeasureCode).HasMaxLength(CodeLength);
            e.HasOne(x => x.Outcome).WithMany(x => x.Measures).HasForeignKey(x => x.OutcomeId);
            e.HasOne<Measure>().WithMany().HasForeignKey(x => x.MeasureCode);
        });
        mb.Entity<OaTarget>(e =>
        {
            e.Property(x => x.YearCode).HasMaxLength(7);
            e.HasOne(x => x.OaMeasure).WithMany(x => x.Targets).HasForeignKey(x => x.OaMeasureId);
            e.HasOne<AcademicYear>().WithMany().HasForeignKey(x => x.YearCode);
            e.HasIndex(x => new { x.OaMeasureId, x.YearCode }).IsUnique();
        });
        mb.Entity<OaAssessment>(e =>
        {
            e.Property(x => x.YearCode).HasMaxLength(7);
            e.Property(x => x.GrantPct).HasPrecision(5, 2);
            e.Property(x => x.GrantPaid).HasPrecision(14, 2);
            e.HasOne(x => x.Agreement).WithMany(x => x.Assessments).HasForeignKey(x => x.AgreementId);
            e.HasOne<AcademicYear>().WithMany().HasForeignKey(x => x.YearCode);
            e.HasIndex(x => new { x.AgreementId, x.YearCode }).IsUnique();
        });
        mb.Entity<OaOutcomeRating>(e =>
        {
            e.HasOne(x => x.Assessment).WithMany(x => x.Ratings).HasForeignKey(x => x.AssessmentId);
            e.HasOne(x => x.Outcome).WithMany().HasForeignKey(x => x.OutcomeId);
            e.HasIndex(x => new { x.AssessmentId, x.OutcomeId }).IsUnique();
        });

        // SEF cycle
        mb.Entity<SefElement>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(CodeLength);
            e.Property(x => x.NameEn).HasMaxLength(NameLength);
        });
        mb.Entity<SefTheme>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(CodeLength);
            e.Property(x => x.NameEn).HasMaxLength(NameLength);
        });
        mb.Entity<SelfEvaluation>(e =>
        {
            e.Property(x => x.YearCode).HasMaxLength(7);
            e.Property(x => x.Participants).HasMaxLength(NameLength);
            e.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId);
            e.HasOne<AcademicYear>().WithMany().HasForeignKey(x => x.YearCode);
            e.HasIndex(x => new { x.SchoolId, x.YearCode });
        });
        mb.Entity<SefAspect>(e =>
        {
            e.HasKey(x => new { x.ElementCode, x.Code });
            e.Property(x => x.ElementCode).HasMaxLength(CodeLength);
            e.Property(x => x.Code).HasMaxLength(CodeLength);
            e.Property(x => x.NameEn).HasMaxLength(NameLength);
            e.HasOne(x => x.Element).WithMany().HasForeignKey(x => x.ElementCode);
        });
        mb.Entity<SepRating>(e =>
        {
            e.Property(x => x.ElementCode).HasMaxLength(CodeLength);
            // No foreign key: the aspect list is not loaded yet (WriteRules checks it against SefAspects).
            e.Property(x => x.AspectCode).HasMaxLength(CodeLength);
            e.HasOne(x => x.SelfEvaluation).WithMany(x => x.Ratings).HasForeignKey(x => x.SelfEvaluationId);
            e.HasOne(x => x.Element).WithMany().HasForeignKey(x => x.ElementCode);
            e.HasIndex(x => new { x.SelfEvaluationId, x.ElementCode });
        });
        mb.Entity<ImprovementCycle>(e =>
        {
            e.Property(x => x.YearCode).HasMaxLength(7);
            e.Property(x => x.JoinReason).HasMaxLength(NameLength);
            e.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId);
            e.HasOne<AcademicYear>().WithMany().HasForeignKey(x => x.YearCode);
            e.HasOne(x => x.Facilitator).WithMany().HasForeignKey(x => x.FacilitatorPersonId);
            e.HasOne(x => x.LinkAdviser).WithMany().HasForeignKey(x => x.LinkAdviserPersonId);
            e.HasIndex(x => new { x.SchoolId, x.YearCode });
        });
        mb.Entity<ThemeForImprovement>(e =>
        {
            e.ToTable("ThemesForImprovement");
            e.Property(x => x.Title).HasMaxLength(NameLength);
            e.HasOne(x => x.Cycle).WithMany(x => x.Themes).HasForeignKey(x => x.CycleId);
        });
        mb.Entity<ThemeElement>(e =>
        {
            e.HasKey(x => new { x.ThemeId, x.ElementCode });
            e.Property(x => x.ElementCode).HasMaxLength(CodeLength);
            e.HasOne(x => x.Theme).WithMany(x => x.Elements).HasForeignKey(x => x.ThemeId);
            e.HasOne(x => x.Element).WithMany().HasForeignKey(x => x.ElementCode);
        });
        mb.Entity<KeyStrength>(e =>
        {
            e.Property(x => x.ElementCode).HasMaxLength(CodeLength);
            e.HasOne(x => x.Cycle).WithMany(x => x.KeyStrengths).HasForeignKey(x => x.CycleId);
            e.HasOne(x => x.Element).WithMany().HasForeignKey(x => x.ElementCode);
            e.HasIndex(x => new { x.ElementCode, x.OfferedToOthers });
        });
        mb.Entity<BarrierToEffectiveness>(e =>
        {
            e.HasOne(x => x.Cycle).WithMany(x => x.Barriers).HasForeignKey(x => x.CycleId);
            e.HasIndex(x => x.EscalatedTo);
        });
        mb.Entity<ActionPlan>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(NameLength);
            e.HasOne(x => x.Cycle).WithMany().HasForeignKey(x => x.CycleId);
            e.HasOne(x => x.Group).WithMany().HasForeignKey(x => x.GroupId);
            e.HasOne(x => x.Brokerage).WithMany().HasForeignKey(x => x.BrokerageId);
        });
        mb.Entity<ActionObjective>(e =>
        {
            e.Property(x => x.Owner).HasMaxLength(NameLength);
            e.HasOne(x => x.ActionPlan).WithMany(x => x.Objectives).HasForeignKey(x => x.ActionPlanId);
        });
        mb.Entity<Review>(e =>
        {
            e.HasOne(x => x.Cycle).WithMany(x => x.Reviews).HasForeignKey(x => x.CycleId);
            e.HasOne(x => x.RepeatSelfEvaluation).WithMany().HasForeignKey(x => x.RepeatSelfEvaluationId);
        });

        ApplyCrossCuttingConventions(mb.Model);
    }

    /// <summary>Parts a dependent cannot outlive; every other relationship restricts deletes (facts are history).</summary>
    private static readonly HashSet<(Type Dependent, Type Principal)> CascadingParts =
    [
        (typeof(InspectionJudgement), typeof(Inspection)), (typeof(FollowUp), typeof(Inspection)), (typeof(Recommendation), typeof(Inspection)),
        (typeof(GroupMembership), typeof(CollaborationGroup)), (typeof(GroupActivity), typeof(CollaborationGroup)),
        (typeof(OaOutcome), typeof(OutcomeAgreement)), (typeof(OaAssessment), typeof(OutcomeAgreement)), (typeof(OaMeasure), typeof(OaOutcome)),
        (typeof(OaTarget), typeof(OaMeasure)), (typeof(OaOutcomeRating), typeof(OaAssessment)), (typeof(OaOutcomeRating), typeof(OaOutcome)),
        (typeof(SepRating), typeof(SelfEvaluation)),
        (typeof(ThemeForImprovement), typeof(ImprovementCycle)), (typeof(ThemeElement), typeof(ThemeForImprovement)),
        (typeof(KeyStrength), typeof(ImprovementCycle)), (typeof(BarrierToEffectiveness), typeof(ImprovementCycle)), (typeof(Review), typeof(ImprovementCycle)),
        (typeof(ActionObjective), typeof(ActionPlan)),
        (typeof(CategorisationStageChange), typeof(CategorisationResult)),
    ];

    private static void ApplyCrossCuttingConventions(IMutableModel model)
    {
        foreach (var entity in model.GetEntityTypes())
        {
            foreach (var p in entity.GetProperties())
            {
                // Enums as readable strings: provider-neutral and safe to reorder.
                var clr = Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType;
                if (clr.IsEnum)
                {
                    p.SetProviderClrType(typeof(string));
                    p.SetMaxLength(EnumLength);
                }
            }
            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType))
                entity.FindProperty(nameof(IVersioned.Version))!.IsConcurrencyToken = true;
            foreach (var fk in entity.GetForeignKeys())
                fk.DeleteBehavior = CascadingParts.Contains((entity.ClrType, fk.PrincipalEntityType.ClrType))
                    ? DeleteBehavior.Cascade
                    : DeleteBehavior.Restrict;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ChangeTracker.DetectChanges();
        if (Database.CurrentTransaction is not null || !ChangeTracker.HasChanges())
            return SaveValidated(acceptAllChangesOnSuccess);
        // The rule queries and the writes share one transaction.
        using var tx = Database.BeginTransaction();
        var n = SaveValidated(acceptAllChangesOnSuccess);
        tx.Commit();
        return n;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        if (Database.CurrentTransaction is not null || !ChangeTracker.HasChanges())
            return await SaveValidatedAsync(acceptAllChangesOnSuccess, cancellationToken);
        await using var tx = await Database.BeginTransactionAsync(cancellationToken);
        var n = await SaveValidatedAsync(acceptAllChangesOnSuccess, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return n;
    }

    private int SaveValidated(bool accept)
    {
        BeforeSave();
        return base.SaveChanges(accept);
    }

    private Task<int> SaveValidatedAsync(bool accept, CancellationToken ct)
    {
        BeforeSave();
        return base.SaveChangesAsync(accept, ct);
    }

    private void BeforeSave()
    {
        if (!ChangeTracker.HasChanges()) return;
        new WriteRules(this).Enforce();
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State != EntityState.Modified) continue;
            // The WHERE clause compares the original version; a stale one matches no row.
            var version = entry.Property(x => x.Version);
            version.CurrentValue = version.OriginalValue + 1;
        }
    }
}
