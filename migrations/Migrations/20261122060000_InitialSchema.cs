using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SefData.Data;

namespace SefData.Migrations;

/// <summary>The schema of DOMAIN.md section 4. Written by hand; MigrationsMatchModelTests proves it equals the model.</summary>
[DbContext(typeof(SefDataDbContext))]
[Migration("20261122060000_InitialSchema")]
public sealed class InitialSchema : Migration
{
    private const ReferentialAction Restrict = ReferentialAction.Restrict;
    private const ReferentialAction Cascade = ReferentialAction.Cascade;

    protected override void Up(MigrationBuilder mb)
    {
        // ---- Reference tables (natural keys) ----
        mb.CreateTable("AcademicYears", t => new
        {
            Code = t.Str(MigrationColumns.Year),
            StartYear = t.Int(),
            StartDate = t.Date(),
            EndDate = t.Date(),
            CensusDate = t.Date(nullable: true),
        }, constraints: c => c.PrimaryKey("PK_AcademicYears", x => x.Code));

        mb.CreateTable("CategorisationColours", t => new
        {
            Code = t.Str(MigrationColumns.Enum),
            NameEn = t.Str(MigrationColumns.Name),
            Meaning = t.Str(MigrationColumns.Name),
            Rank = t.Int(),
        }, constraints: c => c.PrimaryKey("PK_CategorisationColours", x => x.Code));

        mb.CreateTable("Consortia", t => new
        {
            Code = t.Str(MigrationColumns.Code),
            Name = t.Str(MigrationColumns.Name),
            Kind = t.Str(MigrationColumns.Enum),
            ValidFrom = t.Date(),
            ValidTo = t.Date(nullable: true),
            IsVerified = t.Bool(),
            Note = t.Str(null, nullable: true),
        }, constraints: c => c.PrimaryKey("PK_Consortia", x => x.Code));

        mb.CreateTable("EstynFrameworks", t => new
        {
            Code = t.Str(MigrationColumns.Code),
            NameEn = t.Str(MigrationColumns.Name),
            ValidFrom = t.Date(nullable: true),
            ValidTo = t.Date(nullable: true),
            IsGraded = t.Bool(),
            IsVerified = t.Bool(),
            Note = t.Str(null, nullable: true),
        }, constraints: c => c.PrimaryKey("PK_EstynFrameworks", x => x.Code));

        mb.CreateTable("LanguageCategories", t => new
        {
            Id = t.Str(MigrationColumns.Code),
            Scheme = t.Str(MigrationColumns.Code),
            Code = t.Str(MigrationColumns.Code),
            NameEn = t.Str(MigrationColumns.Name),
            SortOrder = t.Int(),
            IsVerified = t.Bool(),
            Note = t.Str(null, nullable: true),
        }, constraints: c => c.PrimaryKey("PK_LanguageCategories", x => x.Id));

        mb.CreateTable("LocalAuthorities", t => new
        {
            LaCode = t.Str(MigrationColumns.La),
            NameEn = t.Str(MigrationColumns.Name),
            NameCy = t.Str(MigrationColumns.Name),
            LaCodeVerified = t.Bool(),
        }, constraints: c => c.PrimaryKey("PK_LocalAuthorities", x => x.LaCode));

        mb.CreateTable("Measures", t => new
        {
            Code = t.Str(MigrationColumns.Code),
            NameEn = t.Str(MigrationColumns.Name),
            Unit = t.Str(MigrationColumns.Code),
            HigherIsBetter = t.Bool(),
            MethodologyVersion = t.Str(MigrationColumns.Code),
            IsVerified = t.Bool(),
            Note = t.Str(null, nullable: true),
        }, constraints: c => c.PrimaryKey("PK_Measures", x => x.Code));

        mb.CreateTable("People", t => new
        {
            Id = t.Identity(),
            GivenName = t.Str(MigrationColumns.Name),
            FamilyName = t.Str(MigrationColumns.Name),
            Email = t.Str(MigrationColumns.Name, nullable: true),
            Version = t.Int(),
        }, constraints: c => c.PrimaryKey("PK_People", x => x.Id));

        mb.CreateTable("SefElements", t => new
        {
            Code = t.Str(MigrationColumns.Code),
            Number = t.Int(),
            NameEn = t.Str(MigrationColumns.Name),
        }, constraints: c => c.PrimaryKey("PK_SefElements", x => x.Code));

        mb.CreateTable("SefThemes", t => new
        {
            Code = t.Str(MigrationColumns.Code),
            Number = t.Int(),
            NameEn = t.Str(MigrationColumns.Name),
        }, constraints: c => c.PrimaryKey("PK_SefThemes", x => x.Code));

        mb.CreateTable("CategorisationMatrix", t => new
        {
            Id = t.Identity(),
            ValidFromYearCode = t.Str(MigrationColumns.Year),
            StandardsGroup = t.Int(nullable: true),
            Capacity = t.Str(MigrationColumns.Enum),
            Colour = t.Str(MigrationColumns.Enum),
            IsVerified = t.Bool(),
            Note = t.Str(null, nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_CategorisationMatrix", x => x.Id);
            c.ForeignKey("FK_CategorisationMatrix_AcademicYears_ValidFromYearCode", x => x.ValidFromYearCode, "AcademicYears", "Code", onDelete: Restrict);
            c.ForeignKey("FK_CategorisationMatrix_CategorisationColours_Colour", x => x.Colour, "CategorisationColours", "Code", onDelete: Restrict);
        });

        mb.CreateTable("SupportDaysRules", t => new
        {
            Colour = t.Str(MigrationColumns.Enum),
            ValidFromYearCode = t.Str(MigrationColumns.Year),
            MaxDays = t.Int(),
            IsVerified = t.Bool(),
            Note = t.Str(null, nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_SupportDaysRules", x => new { x.Colour, x.ValidFromYearCode });
            c.ForeignKey("FK_SupportDaysRules_AcademicYears_ValidFromYearCode", x => x.ValidFromYearCode, "AcademicYears", "Code", onDelete: Restrict);
            c.ForeignKey("FK_SupportDaysRules_CategorisationColours_Colour", x => x.Colour, "CategorisationColours", "Code", onDelete: Restrict);
        });

        mb.CreateTable("CollaborationGroups", t => new
        {
            Id = t.Identity(),
            Type = t.Str(MigrationColumns.Enum),
            Name = t.Str(MigrationColumns.Name),
            Focus = t.Str(null, nullable: true),
            ConsortiumCode = t.Str(MigrationColumns.Code, nullable: true),
            Budget = t.Dec(14, 2, nullable: true),
            ValidFrom = t.Date(),
            ValidTo = t.Date(nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_CollaborationGroups", x => x.Id);
            c.ForeignKey("FK_CollaborationGroups_Consortia_ConsortiumCode", x => x.ConsortiumCode, "Consortia", "Code", onDelete: Restrict);
        });

        mb.CreateTable("EstynAreas", t => new
        {
            FrameworkCode = t.Str(MigrationColumns.Code),
            Code = t.Str(MigrationColumns.Code),
            Kind = t.Str(MigrationColumns.Enum),
            NameEn = t.Str(MigrationColumns.Name),
            SortOrder = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_EstynAreas", x => new { x.FrameworkCode, x.Code });
            c.ForeignKey("FK_EstynAreas_EstynFrameworks_FrameworkCode", x => x.FrameworkCode, "EstynFrameworks", "Code", onDelete: Restrict);
        });

        mb.CreateTable("EstynGrades", t => new
        {
            FrameworkCode = t.Str(MigrationColumns.Code),
            Code = t.Str(MigrationColumns.Code),
            Label = t.Str(MigrationColumns.Name),
            Description = t.Str(null, nullable: true),
            Rank = t.Int(),
            IsVerified = t.Bool(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_EstynGrades", x => new { x.FrameworkCode, x.Code });
            c.ForeignKey("FK_EstynGrades_EstynFrameworks_FrameworkCode", x => x.FrameworkCode, "EstynFrameworks", "Code", onDelete: Restrict);
        });

        // ---- Organisation ----
        mb.CreateTable("ConsortiumMemberships", t => new
        {
            Id = t.Identity(),
            LaCode = t.Str(MigrationColumns.La),
            ConsortiumCode = t.Str(MigrationColumns.Code),
            ValidFrom = t.Date(),
            ValidTo = t.Date(nullable: true),
            Source = t.Str(MigrationColumns.Enum),
            IsVerified = t.Bool(),
            Note = t.Str(null, nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ConsortiumMemberships", x => x.Id);
            c.ForeignKey("FK_ConsortiumMemberships_Consortia_ConsortiumCode", x => x.ConsortiumCode, "Consortia", "Code", onDelete: Restrict);
            c.ForeignKey("FK_ConsortiumMemberships_LocalAuthorities_LaCode", x => x.LaCode, "LocalAuthorities", "LaCode", onDelete: Restrict);
        });

        mb.CreateTable("OutcomeAgreements", t => new
        {
            Id = t.Identity(),
            LaCode = t.Str(MigrationColumns.La),
            PeriodStart = t.Date(),
            PeriodEnd = t.Date(),
            SignedDate = t.Date(nullable: true),
            MaxGrant = t.Dec(14, 2, nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_OutcomeAgreements", x => x.Id);
            c.ForeignKey("FK_OutcomeAgreements_LocalAuthorities_LaCode", x => x.LaCode, "LocalAuthorities", "LaCode", onDelete: Restrict);
        });

        mb.CreateTable("Schools", t => new
        {
            Id = t.Identity(),
            SchoolNumber = t.Str(7),
            LaCode = t.Str(MigrationColumns.La),
            EstablishmentNumber = t.Str(4),
            NameEn = t.Str(MigrationColumns.Name),
            NameCy = t.Str(MigrationColumns.Name, nullable: true),
            Sector = t.Str(MigrationColumns.Enum),
            LanguageCategoryId = t.Str(MigrationColumns.Code, nullable: true),
            AgeLow = t.Int(nullable: true),
            AgeHigh = t.Int(nullable: true),
            Faith = t.Str(MigrationColumns.Name, nullable: true),
            OpenDate = t.Date(nullable: true),
            CloseDate = t.Date(nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_Schools", x => x.Id);
            c.ForeignKey("FK_Schools_LanguageCategories_LanguageCategoryId", x => x.LanguageCategoryId, "LanguageCategories", "Id", onDelete: Restrict);
            c.ForeignKey("FK_Schools_LocalAuthorities_LaCode", x => x.LaCode, "LocalAuthorities", "LaCode", onDelete: Restrict);
        });

        // ---- Outcome agreements ----
        mb.CreateTable("OaAssessments", t => new
        {
            Id = t.Identity(),
            AgreementId = t.Int(),
            YearCode = t.Str(MigrationColumns.Year),
            SelfAssessment = t.Str(null, nullable: true),
            Score = t.Dec(18, 4, nullable: true),
            GrantPct = t.Dec(5, 2, nullable: true),
            GrantPaid = t.Dec(14, 2, nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_OaAssessments", x => x.Id);
            c.ForeignKey("FK_OaAssessments_AcademicYears_YearCode", x => x.YearCode, "AcademicYears", "Code", onDelete: Restrict);
            c.ForeignKey("FK_OaAssessments_OutcomeAgreements_AgreementId", x => x.AgreementId, "OutcomeAgreements", "Id", onDelete: Cascade);
        });

        mb.CreateTable("OaOutcomes", t => new
        {
            Id = t.Identity(),
            AgreementId = t.Int(),
            ThemeCode = t.Str(MigrationColumns.Code),
            Title = t.Str(MigrationColumns.Name),
            Collaborative = t.Bool(),
            Weight = t.Dec(5, 2, nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_OaOutcomes", x => x.Id);
            c.ForeignKey("FK_OaOutcomes_OutcomeAgreements_AgreementId", x => x.AgreementId, "OutcomeAgreements", "Id", onDelete: Cascade);
        });

        // ---- School facts ----
        mb.CreateTable("CategorisationResults", t => new
        {
            Id = t.Identity(),
            SchoolId = t.Int(),
            YearCode = t.Str(MigrationColumns.Year),
            StandardsGroup = t.Int(nullable: true),
            ImprovementCapacity = t.Str(MigrationColumns.Enum, nullable: true),
            SupportColour = t.Str(MigrationColumns.Enum),
            Stage = t.Str(MigrationColumns.Enum),
            PublishedDate = t.Date(nullable: true),
            SupportDays = t.Int(nullable: true),
            AdviserPersonId = t.Int(nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_CategorisationResults", x => x.Id);
            c.ForeignKey("FK_CategorisationResults_AcademicYears_YearCode", x => x.YearCode, "AcademicYears", "Code", onDelete: Restrict);
            c.ForeignKey("FK_CategorisationResults_CategorisationColours_SupportColour", x => x.SupportColour, "CategorisationColours", "Code", onDelete: Restrict);
            c.ForeignKey("FK_CategorisationResults_People_AdviserPersonId", x => x.AdviserPersonId, "People", "Id", onDelete: Restrict);
            c.ForeignKey("FK_CategorisationResults_Schools_SchoolId", x => x.SchoolId, "Schools", "Id", onDelete: Restrict);
        });

        mb.CreateTable("GroupMemberships", t => new
        {
            Id = t.Identity(),
            GroupId = t.Int(),
            SchoolId = t.Int(),
            Role = t.Str(MigrationColumns.Enum),
            ValidFrom = t.Date(),
            ValidTo = t.Date(nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_GroupMemberships", x => x.Id);
            c.ForeignKey("FK_GroupMemberships_CollaborationGroups_GroupId", x => x.GroupId, "CollaborationGroups", "Id", onDelete: Cascade);
            c.ForeignKey("FK_GroupMemberships_Schools_SchoolId", x => x.SchoolId, "Schools", "Id", onDelete: Restrict);
        });

        mb.CreateTable("ImprovementCycles", t => new
        {
            Id = t.Identity(),
            SchoolId = t.Int(),
            YearCode = t.Str(MigrationColumns.Year),
            Model = t.Str(MigrationColumns.Enum),
            FacilitatorPersonId = t.Int(nullable: true),
            LinkAdviserPersonId = t.Int(nullable: true),
            Phase = t.Int(),
            JoinReason = t.Str(MigrationColumns.Name, nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ImprovementCycles", x => x.Id);
            c.ForeignKey("FK_ImprovementCycles_AcademicYears_YearCode", x => x.YearCode, "AcademicYears", "Code", onDelete: Restrict);
            c.ForeignKey("FK_ImprovementCycles_People_FacilitatorPersonId", x => x.FacilitatorPersonId, "People", "Id", onDelete: Restrict);
            c.ForeignKey("FK_ImprovementCycles_People_LinkAdviserPersonId", x => x.LinkAdviserPersonId, "People", "Id", onDelete: Restrict);
            c.ForeignKey("FK_ImprovementCycles_Schools_SchoolId", x => x.SchoolId, "Schools", "Id", onDelete: Restrict);
        });

        mb.CreateTable("Inspections", t => new
        {
            Id = t.Identity(),
            Subject = t.Str(MigrationColumns.Enum),
            SchoolId = t.Int(nullable: true),
            LaCode = t.Str(MigrationColumns.La, nullable: true),
            FrameworkCode = t.Str(MigrationColumns.Code),
            Type = t.Str(MigrationColumns.Enum),
            StartDate = t.Date(),
            PublishedDate = t.Date(nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_Inspections", x => x.Id);
            c.ForeignKey("FK_Inspections_EstynFrameworks_FrameworkCode", x => x.FrameworkCode, "EstynFrameworks", "Code", onDelete: Restrict);
            c.ForeignKey("FK_Inspections_LocalAuthorities_LaCode", x => x.LaCode, "LocalAuthorities", "LaCode", onDelete: Restrict);
            c.ForeignKey("FK_Inspections_Schools_SchoolId", x => x.SchoolId, "Schools", "Id", onDelete: Restrict);
        });

        mb.CreateTable("MeasureValues", t => new
        {
            Id = t.Identity(),
            MeasureCode = t.Str(MigrationColumns.Code),
            YearCode = t.Str(MigrationColumns.Year),
            Subject = t.Str(MigrationColumns.Enum),
            SchoolId = t.Int(nullable: true),
            LaCode = t.Str(MigrationColumns.La, nullable: true),
            ConsortiumCode = t.Str(MigrationColumns.Code, nullable: true),
            Subgroup = t.Str(MigrationColumns.Enum),
            CohortSize = t.Int(nullable: true),
            Value = t.Dec(18, 4),
            Estimate = t.Dec(18, 4, nullable: true),
            CiLow = t.Dec(18, 4, nullable: true),
            CiHigh = t.Dec(18, 4, nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_MeasureValues", x => x.Id);
            c.ForeignKey("FK_MeasureValues_AcademicYears_YearCode", x => x.YearCode, "AcademicYears", "Code", onDelete: Restrict);
            c.ForeignKey("FK_MeasureValues_Consortia_ConsortiumCode", x => x.ConsortiumCode, "Consortia", "Code", onDelete: Restrict);
            c.ForeignKey("FK_MeasureValues_LocalAuthorities_LaCode", x => x.LaCode, "LocalAuthorities", "LaCode", onDelete: Restrict);
            c.ForeignKey("FK_MeasureValues_Measures_MeasureCode", x => x.MeasureCode, "Measures", "Code", onDelete: Restrict);
            c.ForeignKey("FK_MeasureValues_Schools_SchoolId", x => x.SchoolId, "Schools", "Id", onDelete: Restrict);
        });

        mb.CreateTable("RoleAssignments", t => new
        {
            Id = t.Identity(),
            PersonId = t.Int(),
            Role = t.Str(MigrationColumns.Enum),
            Employer = t.Str(MigrationColumns.Enum),
            EmployerLaCode = t.Str(MigrationColumns.La, nullable: true),
            EmployerConsortiumCode = t.Str(MigrationColumns.Code, nullable: true),
            EmployerSchoolId = t.Int(nullable: true),
            SchoolId = t.Int(nullable: true),
            YearCode = t.Str(MigrationColumns.Year, nullable: true),
            ValidFrom = t.Date(),
            ValidTo = t.Date(nullable: true),
            AllocatedDays = t.Dec(6, 1, nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_RoleAssignments", x => x.Id);
            c.ForeignKey("FK_RoleAssignments_AcademicYears_YearCode", x => x.YearCode, "AcademicYears", "Code", onDelete: Restrict);
            c.ForeignKey("FK_RoleAssignments_Consortia_EmployerConsortiumCode", x => x.EmployerConsortiumCode, "Consortia", "Code", onDelete: Restrict);
            c.ForeignKey("FK_RoleAssignments_LocalAuthorities_EmployerLaCode", x => x.EmployerLaCode, "LocalAuthorities", "LaCode", onDelete: Restrict);
            c.ForeignKey("FK_RoleAssignments_People_PersonId", x => x.PersonId, "People", "Id", onDelete: Restrict);
            c.ForeignKey("FK_RoleAssignments_Schools_EmployerSchoolId", x => x.EmployerSchoolId, "Schools", "Id", onDelete: Restrict);
            c.ForeignKey("FK_RoleAssignments_Schools_SchoolId", x => x.SchoolId, "Schools", "Id", onDelete: Restrict);
        });

        mb.CreateTable("SchoolLinks", t => new
        {
            Id = t.Identity(),
            PredecessorSchoolId = t.Int(),
            SuccessorSchoolId = t.Int(),
            Kind = t.Str(MigrationColumns.Enum),
            EffectiveDate = t.Date(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_SchoolLinks", x => x.Id);
            c.ForeignKey("FK_SchoolLinks_Schools_PredecessorSchoolId", x => x.PredecessorSchoolId, "Schools", "Id", onDelete: Restrict);
            c.ForeignKey("FK_SchoolLinks_Schools_SuccessorSchoolId", x => x.SuccessorSchoolId, "Schools", "Id", onDelete: Restrict);
        });

        mb.CreateTable("SchoolYearProfiles", t => new
        {
            Id = t.Identity(),
            SchoolId = t.Int(),
            YearCode = t.Str(MigrationColumns.Year),
            Pupils = t.Int(nullable: true),
            PctEfsm = t.Dec(5, 2, nullable: true),
            PctAln = t.Dec(5, 2, nullable: true),
            PctMat = t.Dec(5, 2, nullable: true),
            LanguageCategoryId = t.Str(MigrationColumns.Code, nullable: true),
            IsPioneer = t.Bool(),
            SefPilot = t.Bool(),
            PilotModel = t.Str(MigrationColumns.Enum, nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_SchoolYearProfiles", x => x.Id);
            c.ForeignKey("FK_SchoolYearProfiles_AcademicYears_YearCode", x => x.YearCode, "AcademicYears", "Code", onDelete: Restrict);
            c.ForeignKey("FK_SchoolYearProfiles_LanguageCategories_LanguageCategoryId", x => x.LanguageCategoryId, "LanguageCategories", "Id", onDelete: Restrict);
            c.ForeignKey("FK_SchoolYearProfiles_Schools_SchoolId", x => x.SchoolId, "Schools", "Id", onDelete: Restrict);
        });

        mb.CreateTable("SelfEvaluations", t => new
        {
            Id = t.Identity(),
            SchoolId = t.Int(),
            YearCode = t.Str(MigrationColumns.Year),
            Tool = t.Str(MigrationColumns.Enum),
            Date = t.Date(),
            Scope = t.Str(MigrationColumns.Enum),
            Participants = t.Str(MigrationColumns.Name, nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_SelfEvaluations", x => x.Id);
            c.ForeignKey("FK_SelfEvaluations_AcademicYears_YearCode", x => x.YearCode, "AcademicYears", "Code", onDelete: Restrict);
            c.ForeignKey("FK_SelfEvaluations_Schools_SchoolId", x => x.SchoolId, "Schools", "Id", onDelete: Restrict);
        });

        mb.CreateTable("SupportBrokerages", t => new
        {
            Id = t.Identity(),
            ProviderSchoolId = t.Int(),
            RecipientSchoolId = t.Int(),
            BrokerPersonId = t.Int(nullable: true),
            Focus = t.Str(MigrationColumns.Name),
            StartDate = t.Date(),
            EndDate = t.Date(nullable: true),
            PlannedDays = t.Dec(6, 1),
            Status = t.Str(MigrationColumns.Enum),
            Outcome = t.Str(null, nullable: true),
            ProviderColour = t.Str(MigrationColumns.Enum, nullable: true),
            RecipientColour = t.Str(MigrationColumns.Enum, nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_SupportBrokerages", x => x.Id);
            c.ForeignKey("FK_SupportBrokerages_People_BrokerPersonId", x => x.BrokerPersonId, "People", "Id", onDelete: Restrict);
            c.ForeignKey("FK_SupportBrokerages_Schools_ProviderSchoolId", x => x.ProviderSchoolId, "Schools", "Id", onDelete: Restrict);
            c.ForeignKey("FK_SupportBrokerages_Schools_RecipientSchoolId", x => x.RecipientSchoolId, "Schools", "Id", onDelete: Restrict);
        });

        mb.CreateTable("OaMeasures", t => new
        {
            Id = t.Identity(),
            OutcomeId = t.Int(),
            MeasureCode = t.Str(MigrationColumns.Code, nullable: true),
            Description = t.Str(null),
            Baseline = t.Dec(18, 4, nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_OaMeasures", x => x.Id);
            c.ForeignKey("FK_OaMeasures_Measures_MeasureCode", x => x.MeasureCode, "Measures", "Code", onDelete: Restrict);
            c.ForeignKey("FK_OaMeasures_OaOutcomes_OutcomeId", x => x.OutcomeId, "OaOutcomes", "Id", onDelete: Cascade);
        });

        mb.CreateTable("OaOutcomeRatings", t => new
        {
            Id = t.Identity(),
            AssessmentId = t.Int(),
            OutcomeId = t.Int(),
            Rating = t.Str(MigrationColumns.Enum),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_OaOutcomeRatings", x => x.Id);
            c.ForeignKey("FK_OaOutcomeRatings_OaAssessments_AssessmentId", x => x.AssessmentId, "OaAssessments", "Id", onDelete: Cascade);
            c.ForeignKey("FK_OaOutcomeRatings_OaOutcomes_OutcomeId", x => x.OutcomeId, "OaOutcomes", "Id", onDelete: Cascade);
        });

        // ---- SEF cycle ----
        mb.CreateTable("Barriers", t => new
        {
            Id = t.Identity(),
            CycleId = t.Int(),
            Scope = t.Str(MigrationColumns.Enum),
            Description = t.Str(null),
            EscalatedTo = t.Str(MigrationColumns.Enum, nullable: true),
            EscalatedOn = t.Date(nullable: true),
            Response = t.Str(null, nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_Barriers", x => x.Id);
            c.ForeignKey("FK_Barriers_ImprovementCycles_CycleId", x => x.CycleId, "ImprovementCycles", "Id", onDelete: Cascade);
        });

        mb.CreateTable("KeyStrengths", t => new
        {
            Id = t.Identity(),
            CycleId = t.Int(),
            ElementCode = t.Str(MigrationColumns.Code),
            Text = t.Str(null),
            OfferedToOthers = t.Bool(),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_KeyStrengths", x => x.Id);
            c.ForeignKey("FK_KeyStrengths_ImprovementCycles_CycleId", x => x.CycleId, "ImprovementCycles", "Id", onDelete: Cascade);
            c.ForeignKey("FK_KeyStrengths_SefElements_ElementCode", x => x.ElementCode, "SefElements", "Code", onDelete: Restrict);
        });

        mb.CreateTable("ThemesForImprovement", t => new
        {
            Id = t.Identity(),
            CycleId = t.Int(),
            Title = t.Str(MigrationColumns.Name),
            Objectives = t.Str(null, nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ThemesForImprovement", x => x.Id);
            c.ForeignKey("FK_ThemesForImprovement_ImprovementCycles_CycleId", x => x.CycleId, "ImprovementCycles", "Id", onDelete: Cascade);
        });

        // ---- Estyn ----
        mb.CreateTable("FollowUps", t => new
        {
            Id = t.Identity(),
            InspectionId = t.Int(),
            Category = t.Str(MigrationColumns.Enum),
            StartDate = t.Date(),
            RemovedDate = t.Date(nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_FollowUps", x => x.Id);
            c.ForeignKey("FK_FollowUps_Inspections_InspectionId", x => x.InspectionId, "Inspections", "Id", onDelete: Cascade);
        });

        mb.CreateTable("InspectionJudgements", t => new
        {
            Id = t.Identity(),
            InspectionId = t.Int(),
            FrameworkCode = t.Str(MigrationColumns.Code),
            AreaCode = t.Str(MigrationColumns.Code),
            GradeCode = t.Str(MigrationColumns.Code),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_InspectionJudgements", x => x.Id);
            // Composite keys: the database itself refuses an area or grade from another framework.
            c.ForeignKey("FK_InspectionJudgements_EstynAreas_FrameworkCode_AreaCode", x => new { x.FrameworkCode, x.AreaCode },
                "EstynAreas", ["FrameworkCode", "Code"], onDelete: Restrict);
            c.ForeignKey("FK_InspectionJudgements_EstynGrades_FrameworkCode_GradeCode", x => new { x.FrameworkCode, x.GradeCode },
                "EstynGrades", ["FrameworkCode", "Code"], onDelete: Restrict);
            c.ForeignKey("FK_InspectionJudgements_Inspections_InspectionId", x => x.InspectionId, "Inspections", "Id", onDelete: Cascade);
        });

        mb.CreateTable("Recommendations", t => new
        {
            Id = t.Identity(),
            InspectionId = t.Int(),
            Sequence = t.Int(),
            Text = t.Str(null),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_Recommendations", x => x.Id);
            c.ForeignKey("FK_Recommendations_Inspections_InspectionId", x => x.InspectionId, "Inspections", "Id", onDelete: Cascade);
        });

        mb.CreateTable("Reviews", t => new
        {
            Id = t.Identity(),
            CycleId = t.Int(),
            Kind = t.Str(MigrationColumns.Enum),
            Date = t.Date(),
            RepeatSelfEvaluationId = t.Int(nullable: true),
            ImpactCategories = t.Str(null, nullable: true),
            Summary = t.Str(null, nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_Reviews", x => x.Id);
            c.ForeignKey("FK_Reviews_ImprovementCycles_CycleId", x => x.CycleId, "ImprovementCycles", "Id", onDelete: Cascade);
            c.ForeignKey("FK_Reviews_SelfEvaluations_RepeatSelfEvaluationId", x => x.RepeatSelfEvaluationId, "SelfEvaluations", "Id", onDelete: Restrict);
        });

        mb.CreateTable("SepRatings", t => new
        {
            Id = t.Identity(),
            SelfEvaluationId = t.Int(),
            ElementCode = t.Str(MigrationColumns.Code),
            Level = t.Str(MigrationColumns.Enum),
            RatedOn = t.Date(),
            Evidence = t.Str(null, nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_SepRatings", x => x.Id);
            c.ForeignKey("FK_SepRatings_SefElements_ElementCode", x => x.ElementCode, "SefElements", "Code", onDelete: Restrict);
            c.ForeignKey("FK_SepRatings_SelfEvaluations_SelfEvaluationId", x => x.SelfEvaluationId, "SelfEvaluations", "Id", onDelete: Cascade);
        });

        mb.CreateTable("ActionPlans", t => new
        {
            Id = t.Identity(),
            Owner = t.Str(MigrationColumns.Enum),
            CycleId = t.Int(nullable: true),
            GroupId = t.Int(nullable: true),
            BrokerageId = t.Int(nullable: true),
            Title = t.Str(MigrationColumns.Name),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ActionPlans", x => x.Id);
            c.ForeignKey("FK_ActionPlans_CollaborationGroups_GroupId", x => x.GroupId, "CollaborationGroups", "Id", onDelete: Restrict);
            c.ForeignKey("FK_ActionPlans_ImprovementCycles_CycleId", x => x.CycleId, "ImprovementCycles", "Id", onDelete: Restrict);
            c.ForeignKey("FK_ActionPlans_SupportBrokerages_BrokerageId", x => x.BrokerageId, "SupportBrokerages", "Id", onDelete: Restrict);
        });

        mb.CreateTable("OaTargets", t => new
        {
            Id = t.Identity(),
            OaMeasureId = t.Int(),
            YearCode = t.Str(MigrationColumns.Year),
            Value = t.Dec(18, 4),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_OaTargets", x => x.Id);
            c.ForeignKey("FK_OaTargets_AcademicYears_YearCode", x => x.YearCode, "AcademicYears", "Code", onDelete: Restrict);
            c.ForeignKey("FK_OaTargets_OaMeasures_OaMeasureId", x => x.OaMeasureId, "OaMeasures", "Id", onDelete: Cascade);
        });

        mb.CreateTable("ThemeElements", t => new
        {
            ThemeId = t.Int(),
            ElementCode = t.Str(MigrationColumns.Code),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ThemeElements", x => new { x.ThemeId, x.ElementCode });
            c.ForeignKey("FK_ThemeElements_SefElements_ElementCode", x => x.ElementCode, "SefElements", "Code", onDelete: Restrict);
            c.ForeignKey("FK_ThemeElements_ThemesForImprovement_ThemeId", x => x.ThemeId, "ThemesForImprovement", "Id", onDelete: Cascade);
        });

        mb.CreateTable("ActionObjectives", t => new
        {
            Id = t.Identity(),
            ActionPlanId = t.Int(),
            Objective = t.Str(null),
            Steps = t.Str(null, nullable: true),
            Milestones = t.Str(null, nullable: true),
            Owner = t.Str(MigrationColumns.Name, nullable: true),
            Resources = t.Str(null, nullable: true),
            SuccessCriteria = t.Str(null, nullable: true),
            Monitoring = t.Str(null, nullable: true),
            DueDate = t.Date(nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ActionObjectives", x => x.Id);
            c.ForeignKey("FK_ActionObjectives_ActionPlans_ActionPlanId", x => x.ActionPlanId, "ActionPlans", "Id", onDelete: Cascade);
        });

        // ---- Indexes: foreign keys, natural keys (unique) and dashboard filters ----
        Index(mb, "ActionObjectives", "ActionPlanId");
        Index(mb, "ActionPlans", "BrokerageId");
        Index(mb, "ActionPlans", "CycleId");
        Index(mb, "ActionPlans", "GroupId");
        Index(mb, "Barriers", "CycleId");
        Index(mb, "Barriers", "EscalatedTo");
        Index(mb, "CategorisationMatrix", "Colour");
        mb.CreateIndex("IX_CategorisationMatrix_Cell", "CategorisationMatrix", ["ValidFromYearCode", "StandardsGroup", "Capacity"], unique: true);
        Index(mb, "CategorisationResults", "AdviserPersonId");
        Index(mb, "CategorisationResults", ["SchoolId", "YearCode"], unique: true);
        Index(mb, "CategorisationResults", "SupportColour");
        Index(mb, "CategorisationResults", ["YearCode", "SupportColour"]);
        Index(mb, "CollaborationGroups", "ConsortiumCode");
        Index(mb, "CollaborationGroups", "Type");
        Index(mb, "ConsortiumMemberships", "ConsortiumCode");
        Index(mb, "ConsortiumMemberships", ["LaCode", "ValidFrom"]);
        Index(mb, "FollowUps", ["Category", "StartDate"]);
        Index(mb, "FollowUps", "InspectionId");
        Index(mb, "GroupMemberships", ["GroupId", "SchoolId", "ValidFrom"]);
        Index(mb, "GroupMemberships", ["SchoolId", "ValidFrom"]);
        Index(mb, "ImprovementCycles", "FacilitatorPersonId");
        Index(mb, "ImprovementCycles", "LinkAdviserPersonId");
        Index(mb, "ImprovementCycles", ["SchoolId", "YearCode"]);
        Index(mb, "ImprovementCycles", "YearCode");
        Index(mb, "InspectionJudgements", ["FrameworkCode", "AreaCode"]);
        Index(mb, "InspectionJudgements", ["FrameworkCode", "GradeCode"]);
        Index(mb, "InspectionJudgements", ["InspectionId", "AreaCode"], unique: true);
        Index(mb, "Inspections", ["FrameworkCode", "StartDate"]);
        Index(mb, "Inspections", "LaCode");
        Index(mb, "Inspections", "SchoolId");
        Index(mb, "Inspections", "StartDate");
        Index(mb, "KeyStrengths", "CycleId");
        Index(mb, "KeyStrengths", ["ElementCode", "OfferedToOthers"]);
        Index(mb, "LanguageCategories", ["Scheme", "Code"], unique: true);
        Index(mb, "MeasureValues", "ConsortiumCode");
        Index(mb, "MeasureValues", "LaCode");
        Index(mb, "MeasureValues", ["MeasureCode", "YearCode", "Subject"]);
        Index(mb, "MeasureValues", ["SchoolId", "YearCode"]);
        Index(mb, "MeasureValues", "YearCode");
        Index(mb, "OaAssessments", ["AgreementId", "YearCode"], unique: true);
        Index(mb, "OaAssessments", "YearCode");
        Index(mb, "OaMeasures", "MeasureCode");
        Index(mb, "OaMeasures", "OutcomeId");
        Index(mb, "OaOutcomeRatings", ["AssessmentId", "OutcomeId"], unique: true);
        Index(mb, "OaOutcomeRatings", "OutcomeId");
        Index(mb, "OaOutcomes", "AgreementId");
        Index(mb, "OaTargets", ["OaMeasureId", "YearCode"], unique: true);
        Index(mb, "OaTargets", "YearCode");
        Index(mb, "OutcomeAgreements", ["LaCode", "PeriodStart"], unique: true);
        Index(mb, "Recommendations", ["InspectionId", "Sequence"], unique: true);
        Index(mb, "Reviews", "CycleId");
        Index(mb, "Reviews", "RepeatSelfEvaluationId");
        Index(mb, "RoleAssignments", "EmployerConsortiumCode");
        Index(mb, "RoleAssignments", "EmployerLaCode");
        Index(mb, "RoleAssignments", "EmployerSchoolId");
        Index(mb, "RoleAssignments", "PersonId");
        Index(mb, "RoleAssignments", ["SchoolId", "YearCode", "Role"]);
        Index(mb, "RoleAssignments", "YearCode");
        Index(mb, "SchoolLinks", ["PredecessorSchoolId", "SuccessorSchoolId"], unique: true);
        Index(mb, "SchoolLinks", "SuccessorSchoolId");
        Index(mb, "Schools", "LaCode");
        Index(mb, "Schools", "LanguageCategoryId");
        Index(mb, "Schools", "SchoolNumber", unique: true);
        Index(mb, "SchoolYearProfiles", "LanguageCategoryId");
        Index(mb, "SchoolYearProfiles", ["SchoolId", "YearCode"], unique: true);
        Index(mb, "SchoolYearProfiles", "YearCode");
        Index(mb, "SelfEvaluations", ["SchoolId", "YearCode"]);
        Index(mb, "SelfEvaluations", "YearCode");
        Index(mb, "SepRatings", "ElementCode");
        Index(mb, "SepRatings", ["SelfEvaluationId", "ElementCode"]);
        Index(mb, "SupportBrokerages", "BrokerPersonId");
        Index(mb, "SupportBrokerages", "ProviderSchoolId");
        Index(mb, "SupportBrokerages", "RecipientSchoolId");
        Index(mb, "SupportDaysRules", "ValidFromYearCode");
        Index(mb, "ThemeElements", "ElementCode");
        Index(mb, "ThemesForImprovement", "CycleId");
    }

    /// <summary>EF's default index name: IX_{table}_{columns joined by _}.</summary>
    private static void Index(MigrationBuilder mb, string table, string column, bool unique = false) =>
        mb.CreateIndex($"IX_{table}_{column}", table, column, unique: unique);

    private static void Index(MigrationBuilder mb, string table, string[] columns, bool unique = false) =>
        mb.CreateIndex($"IX_{table}_{string.Join('_', columns)}", table, columns, unique: unique);

    protected override void Down(MigrationBuilder mb)
    {
        // Dependants before principals (indexes go with their tables).
        foreach (var table in new[]
                 {
                     "ActionObjectives", "ThemeElements", "OaTargets", "ActionPlans", "SepRatings", "Reviews", "Recommendations",
                     "InspectionJudgements", "FollowUps", "ThemesForImprovement", "KeyStrengths", "Barriers", "OaOutcomeRatings",
                     "OaMeasures", "SupportBrokerages", "SelfEvaluations", "SchoolYearProfiles", "SchoolLinks", "RoleAssignments",
                     "MeasureValues", "Inspections", "ImprovementCycles", "GroupMemberships", "CategorisationResults", "OaOutcomes",
                     "OaAssessments", "Schools", "OutcomeAgreements", "ConsortiumMemberships", "EstynGrades", "EstynAreas",
                     "CollaborationGroups", "SupportDaysRules", "CategorisationMatrix", "SefThemes", "SefElements", "People",
                     "Measures", "LocalAuthorities", "LanguageCategories", "EstynFrameworks", "Consortia", "CategorisationColours",
                     "AcademicYears",
                 })
            mb.DropTable(table);
    }
}
