using Microsoft.EntityFrameworkCore;
using SefData.Domain;
using SefData.Testing;

namespace SefData.Data.Tests;

/// <summary>
/// Domain rules enforced on the write path: a typed <see cref="DomainRuleException"/> with a stable code, and
/// nothing written (row counts unchanged). Each rule also has a passing case so the rule is not a blanket refusal.
/// </summary>
public abstract class DomainRuleTests(MigratedDatabase fixture) : DataTestBase(fixture)
{
    // ---- Consortium membership ----

    [Fact]
    public async Task Overlapping_consortium_membership_is_rejected_and_nothing_is_written()
    {
        var before = await CountAsync<ConsortiumMembership>();
        await using (var db = NewContext())
        {
            // Bridgend is in CSC from Sep 2012; a second consortium in 2015 would overlap.
            db.ConsortiumMemberships.Add(new ConsortiumMembership
            {
                LaCode = "672", ConsortiumCode = "EAS", ValidFrom = new DateOnly(2015, 1, 1), Source = FactSource.Public,
            });
            var ex = await SaveRejectedAsync(db, RuleCodes.MembershipOverlap);
            Assert.Contains("672", ex.Message);
            Assert.Contains("CSC", ex.Message);
        }
        Assert.Equal(before, await CountAsync<ConsortiumMembership>());
    }

    [Fact]
    public async Task Two_overlapping_new_memberships_in_one_save_are_rejected()
    {
        var before = await CountAsync<ConsortiumMembership>();
        await using (var db = NewContext())
        {
            // Neath Port Talbot has no consortium from Sep 2021, so each row alone would be fine.
            db.ConsortiumMemberships.Add(new() { LaCode = "671", ConsortiumCode = "CSC", ValidFrom = new DateOnly(2022, 9, 1), ValidTo = new DateOnly(2023, 8, 31) });
            db.ConsortiumMemberships.Add(new() { LaCode = "671", ConsortiumCode = "PARTNERIAETH", ValidFrom = new DateOnly(2023, 1, 1), ValidTo = new DateOnly(2023, 8, 31) });
            await SaveRejectedAsync(db, RuleCodes.MembershipOverlap);
        }
        Assert.Equal(before, await CountAsync<ConsortiumMembership>());
    }

    [Fact]
    public async Task A_membership_in_a_gap_is_accepted_and_moving_it_onto_another_is_rejected()
    {
        int id;
        await using (var db = NewContext())
        {
            var m = new ConsortiumMembership { LaCode = "671", ConsortiumCode = "CSC", ValidFrom = new DateOnly(2021, 9, 1), ValidTo = new DateOnly(2021, 12, 31) };
            db.ConsortiumMemberships.Add(m);
            await db.SaveChangesAsync(Ct);
            id = m.Id;
        }
        await using (var db = NewContext())
        {
            var m = await db.ConsortiumMemberships.SingleAsync(x => x.Id == id, Ct);
            m.ValidFrom = new DateOnly(2021, 6, 1); // now overlaps ERW, which ends 31 Aug 2021
            await SaveRejectedAsync(db, RuleCodes.MembershipOverlap);
        }
        await using (var db = NewContext())
            Assert.Equal(new DateOnly(2021, 9, 1), (await db.ConsortiumMemberships.SingleAsync(x => x.Id == id, Ct)).ValidFrom);
    }

    // ---- Academic years ----

    [Theory]
    [InlineData("2014/16")]
    [InlineData("2014-15")]
    [InlineData("14/15")]
    [InlineData("2014/5")]
    public async Task Malformed_academic_year_is_rejected(string code)
    {
        var before = await CountAsync<AcademicYear>();
        await using (var db = NewContext())
        {
            db.AcademicYears.Add(new AcademicYear
            {
                Code = code, StartYear = 2014, StartDate = new DateOnly(2014, 9, 1), EndDate = new DateOnly(2015, 8, 31),
            });
            var ex = await SaveRejectedAsync(db, RuleCodes.AcademicYearFormat);
            Assert.Contains(code, ex.Message);
        }
        Assert.Equal(before, await CountAsync<AcademicYear>());
    }

    [Fact]
    public async Task Year_1999_00_is_a_valid_academic_year()
    {
        await using (var db = NewContext())
        {
            db.AcademicYears.Add(AcademicYear.For(1999));
            await db.SaveChangesAsync(Ct);
        }
        await using (var db = NewContext())
            Assert.Equal(1999, (await db.AcademicYears.SingleAsync(y => y.Code == "1999/00", Ct)).StartYear);
    }

    [Fact]
    public async Task Academic_year_whose_dates_disagree_with_its_code_is_rejected()
    {
        await using var db = NewContext();
        var y = AcademicYear.For(2030);
        y.EndDate = new DateOnly(2030, 12, 31);
        db.AcademicYears.Add(y);
        await SaveRejectedAsync(db, RuleCodes.AcademicYearDates);
    }

    // ---- Categorisation ----

    [Fact]
    public async Task Second_categorisation_for_the_same_school_and_year_is_rejected()
    {
        var school = await AddSchoolAsync();
        await using (var db = NewContext())
        {
            db.CategorisationResults.Add(new CategorisationResult
            {
                SchoolId = school.Id, YearCode = "2015/16", StandardsGroup = 2, ImprovementCapacity = ImprovementCapacity.B,
                SupportColour = SupportColour.Yellow, Stage = CategorisationStage.Draft,
            });
            await db.SaveChangesAsync(Ct);
        }
        var before = await CountAsync<CategorisationResult>();
        await using (var db = NewContext())
        {
            db.CategorisationResults.Add(new CategorisationResult
            {
                SchoolId = school.Id, YearCode = "2015/16", SupportColour = SupportColour.Amber, Stage = CategorisationStage.Draft,
            });
            var ex = await SaveRejectedAsync(db, RuleCodes.CategorisationDuplicate);
            Assert.Contains("2015/16", ex.Message);
        }
        Assert.Equal(before, await CountAsync<CategorisationResult>());
        // A different year is fine.
        await using (var db = NewContext())
        {
            db.CategorisationResults.Add(new CategorisationResult { SchoolId = school.Id, YearCode = "2016/17", SupportColour = SupportColour.Green });
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal(before + 1, await CountAsync<CategorisationResult>());
    }

    [Fact]
    public async Task Two_results_for_a_new_school_and_year_in_one_save_are_rejected()
    {
        var schoolsBefore = await CountAsync<School>();
        await using (var db = NewContext())
        {
            var s = NewSchool();
            db.Schools.Add(s);
            db.CategorisationResults.Add(new CategorisationResult { School = s, YearCode = "2014/15", SupportColour = SupportColour.Red });
            db.CategorisationResults.Add(new CategorisationResult { School = s, YearCode = "2014/15", SupportColour = SupportColour.Amber });
            await SaveRejectedAsync(db, RuleCodes.CategorisationDuplicate);
        }
        Assert.Equal(schoolsBefore, await CountAsync<School>());
    }

    [Fact]
    public async Task The_database_also_refuses_a_duplicate_categorisation_written_around_the_rules()
    {
        var school = await AddSchoolAsync();
        await using var db = NewContext();
        const string insert = "INSERT INTO \"CategorisationResults\" (\"SchoolId\", \"YearCode\", \"SupportColour\", \"Stage\", \"Version\") VALUES ({0}, '2018/19', 'Green', 'Draft', 0)";
        await db.Database.ExecuteSqlRawAsync(insert, [school.Id], Ct);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync(insert, [school.Id], Ct));
    }

    [Fact]
    public async Task Standards_group_is_refused_from_2017_18_and_for_special_schools()
    {
        var school = await AddSchoolAsync();
        var special = await AddSchoolAsync(Sector.Special);
        await using (var db = NewContext())
        {
            db.CategorisationResults.Add(new CategorisationResult { SchoolId = school.Id, YearCode = "2017/18", StandardsGroup = 1, SupportColour = SupportColour.Green });
            await SaveRejectedAsync(db, RuleCodes.StandardsGroupNotPublished);
        }
        await using (var db = NewContext())
        {
            db.CategorisationResults.Add(new CategorisationResult { SchoolId = special.Id, YearCode = "2015/16", StandardsGroup = 2, SupportColour = SupportColour.Yellow });
            await SaveRejectedAsync(db, RuleCodes.StandardsGroupNotPublished);
        }
        await using (var db = NewContext())
        {
            db.CategorisationResults.Add(new CategorisationResult { SchoolId = special.Id, YearCode = "2015/16", SupportColour = SupportColour.Yellow });
            await db.SaveChangesAsync(Ct);
        }
    }

    [Fact]
    public async Task The_known_matrix_cell_fixes_the_colour_and_unknown_cells_do_not_constrain()
    {
        var school = await AddSchoolAsync();
        await using (var db = NewContext())
        {
            db.CategorisationResults.Add(new CategorisationResult
            {
                SchoolId = school.Id, YearCode = "2015/16", StandardsGroup = 1, ImprovementCapacity = ImprovementCapacity.A, SupportColour = SupportColour.Amber,
            });
            var ex = await SaveRejectedAsync(db, RuleCodes.CategorisationMatrix);
            Assert.Contains("Green", ex.Message);
        }
        await using (var db = NewContext())
        {
            db.CategorisationResults.Add(new CategorisationResult
            {
                SchoolId = school.Id, YearCode = "2015/16", StandardsGroup = 1, ImprovementCapacity = ImprovementCapacity.A, SupportColour = SupportColour.Green,
            });
            db.CategorisationResults.Add(new CategorisationResult
            {
                SchoolId = school.Id, YearCode = "2016/17", StandardsGroup = 3, ImprovementCapacity = ImprovementCapacity.C, SupportColour = SupportColour.Amber,
            });
            await db.SaveChangesAsync(Ct);
        }
    }

    [Fact]
    public async Task Categorisation_outside_2014_15_to_2019_20_is_rejected()
    {
        var school = await AddSchoolAsync();
        await using var db = NewContext();
        db.CategorisationResults.Add(new CategorisationResult { SchoolId = school.Id, YearCode = "2020/21", SupportColour = SupportColour.Green });
        await SaveRejectedAsync(db, RuleCodes.CategorisationYear);
    }

    [Fact]
    public async Task Support_days_come_from_the_reference_table_and_the_stage_only_moves_forward()
    {
        var school = await AddSchoolAsync();
        int id;
        await using (var db = NewContext())
        {
            var r = new CategorisationResult { SchoolId = school.Id, YearCode = "2016/17", SupportColour = SupportColour.Amber, Stage = CategorisationStage.Agreed, SupportDays = 99 };
            db.CategorisationResults.Add(r);
            await db.SaveChangesAsync(Ct);
            id = r.Id;
        }
        await using (var db = NewContext())
        {
            var r = await db.CategorisationResults.SingleAsync(x => x.Id == id, Ct);
            Assert.Equal(15, r.SupportDays);
            r.SupportColour = SupportColour.Red;
            r.Stage = CategorisationStage.Moderated;
            await db.SaveChangesAsync(Ct);
            Assert.Equal(25, r.SupportDays);
        }
        await using (var db = NewContext())
        {
            var r = await db.CategorisationResults.SingleAsync(x => x.Id == id, Ct);
            r.Stage = CategorisationStage.Draft;
            await SaveRejectedAsync(db, RuleCodes.StageBackwards);
        }
    }

    // ---- Estyn ----

    private static Inspection Cif2010Inspection(int schoolId) => new()
    {
        Subject = InspectionSubject.School, SchoolId = schoolId, FrameworkCode = "CIF2010", Type = InspectionType.Core, StartDate = new DateOnly(2015, 3, 2),
    };

    [Fact]
    public async Task A_2017_framework_grade_on_a_2010_inspection_is_rejected()
    {
        var school = await AddSchoolAsync();
        int inspectionId;
        await using (var db = NewContext())
        {
            var i = Cif2010Inspection(school.Id);
            db.Inspections.Add(i);
            await db.SaveChangesAsync(Ct);
            inspectionId = i.Id;
        }
        var before = await CountAsync<InspectionJudgement>();
        await using (var db = NewContext())
        {
            db.InspectionJudgements.Add(new InspectionJudgement { InspectionId = inspectionId, AreaCode = "KQ1", GradeCode = "ADEQUATE_NEEDS_IMPROVEMENT" });
            var ex = await SaveRejectedAsync(db, RuleCodes.GradeNotInFramework);
            Assert.Contains("CIF2010", ex.Message);
        }
        Assert.Equal(before, await CountAsync<InspectionJudgement>());
        await using (var db = NewContext())
        {
            db.InspectionJudgements.Add(new InspectionJudgement { InspectionId = inspectionId, AreaCode = "KQ1", GradeCode = "ADEQUATE" });
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal(before + 1, await CountAsync<InspectionJudgement>());
    }

    [Fact]
    public async Task A_2017_inspection_area_on_a_2010_inspection_saved_together_writes_nothing()
    {
        var school = await AddSchoolAsync();
        var inspectionsBefore = await CountAsync<Inspection>();
        await using (var db = NewContext())
        {
            var i = Cif2010Inspection(school.Id);
            i.Judgements.Add(new InspectionJudgement { AreaCode = "IA1", GradeCode = "GOOD" });
            db.Inspections.Add(i);
            await SaveRejectedAsync(db, RuleCodes.AreaNotInFramework);
        }
        Assert.Equal(inspectionsBefore, await CountAsync<Inspection>());
    }

    [Fact]
    public async Task Ungraded_inspections_take_no_grades()
    {
        var school = await AddSchoolAsync();
        await using var db = NewContext();
        var i = Cif2010Inspection(school.Id);
        i.FrameworkCode = "UNGRADED2022";
        i.StartDate = new DateOnly(2023, 1, 16);
        i.Judgements.Add(new InspectionJudgement { AreaCode = "KQ1", GradeCode = "GOOD" });
        db.Inspections.Add(i);
        var ex = await SaveRejectedAsync(db, RuleCodes.AreaNotInFramework);
        Assert.Contains(ex.Violations, v => v.Code == RuleCodes.GradeNotInFramework);
    }

    [Fact]
    public async Task Inspection_names_exactly_its_subject_and_follow_up_removal_is_not_before_start()
    {
        var school = await AddSchoolAsync();
        await using (var db = NewContext())
        {
            var i = Cif2010Inspection(school.Id);
            i.LaCode = "673";
            db.Inspections.Add(i);
            await SaveRejectedAsync(db, RuleCodes.InspectionSubject);
        }
        await using (var db = NewContext())
        {
            var i = Cif2010Inspection(school.Id);
            i.FollowUps.Add(new FollowUp { Category = FollowUpCategory.EstynMonitoring, StartDate = new DateOnly(2015, 6, 1), RemovedDate = new DateOnly(2015, 5, 1) });
            db.Inspections.Add(i);
            await SaveRejectedAsync(db, RuleCodes.DateRange);
        }
    }

    // ---- Schools ----

    [Fact]
    public async Task School_number_must_be_the_LA_code_and_four_digits()
    {
        var before = await CountAsync<School>();
        foreach (var (number, estab) in new[] { ("6721234", "1234"), ("673123", "123"), ("673A234", "A234") })
        {
            await using var db = NewContext();
            db.Schools.Add(new School { LaCode = "673", EstablishmentNumber = estab, SchoolNumber = number, NameEn = "Bad" });
            await SaveRejectedAsync(db, RuleCodes.SchoolNumberFormat);
        }
        Assert.Equal(before, await CountAsync<School>());
    }

    [Fact]
    public async Task School_close_date_must_be_after_open_date()
    {
        await using var db = NewContext();
        var s = NewSchool();
        s.CloseDate = s.OpenDate;
        db.Schools.Add(s);
        await SaveRejectedAsync(db, RuleCodes.DateRange);
    }

    [Fact]
    public async Task Predecessor_and_successor_links_record_amalgamations_but_not_self_links()
    {
        var a = await AddSchoolAsync();
        var b = await AddSchoolAsync();
        await using (var db = NewContext())
        {
            db.SchoolLinks.Add(new SchoolLink { PredecessorSchoolId = a.Id, SuccessorSchoolId = a.Id, Kind = SchoolLinkKind.Amalgamation });
            await SaveRejectedAsync(db, RuleCodes.SelfLink);
        }
        await using (var db = NewContext())
        {
            db.SchoolLinks.Add(new SchoolLink { PredecessorSchoolId = a.Id, SuccessorSchoolId = b.Id, Kind = SchoolLinkKind.Amalgamation, EffectiveDate = new DateOnly(2016, 9, 1) });
            await db.SaveChangesAsync(Ct);
        }
        await using (var db = NewContext())
            Assert.Equal(b.Id, (await db.SchoolLinks.SingleAsync(l => l.PredecessorSchoolId == a.Id, Ct)).SuccessorSchoolId);
    }

    // ---- Collaboration ----

    [Fact]
    public async Task Brokerage_provider_must_differ_from_recipient()
    {
        var school = await AddSchoolAsync();
        var before = await CountAsync<SupportBrokerage>();
        await using (var db = NewContext())
        {
            db.SupportBrokerages.Add(new SupportBrokerage
            {
                ProviderSchoolId = school.Id, RecipientSchoolId = school.Id, Focus = "Literacy", StartDate = new DateOnly(2016, 1, 4), PlannedDays = 5,
            });
            await SaveRejectedAsync(db, RuleCodes.BrokerageSameSchool);
        }
        Assert.Equal(before, await CountAsync<SupportBrokerage>());
    }

    [Fact]
    public async Task A_red_school_is_not_brokered_as_a_provider()
    {
        var provider = await AddSchoolAsync();
        var recipient = await AddSchoolAsync();
        await using var db = NewContext();
        var b = new SupportBrokerage
        {
            ProviderSchoolId = provider.Id, RecipientSchoolId = recipient.Id, Focus = "Leadership", StartDate = new DateOnly(2016, 1, 4),
            PlannedDays = 5, ProviderColour = SupportColour.Red, RecipientColour = SupportColour.Amber,
        };
        db.SupportBrokerages.Add(b);
        await SaveRejectedAsync(db, RuleCodes.BrokerageRedProvider);
        b.ProviderColour = SupportColour.Green;
        await db.SaveChangesAsync(Ct);
        Assert.True(b.Id > 0);
    }

    [Fact]
    public async Task Overlapping_group_membership_of_the_same_school_is_rejected()
    {
        var school = await AddSchoolAsync();
        await using (var db = NewContext())
        {
            var g = new CollaborationGroup { Type = GroupType.Sig, Name = "SIG maths", ValidFrom = new DateOnly(2015, 9, 1), ConsortiumCode = "CSC" };
            g.Memberships.Add(new GroupMembership { SchoolId = school.Id, Role = GroupRole.Lead, ValidFrom = new DateOnly(2015, 9, 1), ValidTo = new DateOnly(2016, 8, 31) });
            g.Memberships.Add(new GroupMembership { SchoolId = school.Id, Role = GroupRole.Member, ValidFrom = new DateOnly(2016, 1, 1) });
            db.CollaborationGroups.Add(g);
            await SaveRejectedAsync(db, RuleCodes.MembershipOverlap);
        }
        await using (var db = NewContext())
        {
            var g = new CollaborationGroup { Type = GroupType.Sig, Name = "SIG maths", ValidFrom = new DateOnly(2015, 9, 1) };
            g.Memberships.Add(new GroupMembership { SchoolId = school.Id, Role = GroupRole.Lead, ValidFrom = new DateOnly(2015, 9, 1), ValidTo = new DateOnly(2016, 8, 31) });
            g.Memberships.Add(new GroupMembership { SchoolId = school.Id, Role = GroupRole.Member, ValidFrom = new DateOnly(2016, 9, 1) });
            db.CollaborationGroups.Add(g);
            await db.SaveChangesAsync(Ct);
        }
    }

    // ---- SEF cycle ----

    [Fact]
    public async Task Theme_for_improvement_must_span_at_least_two_elements_including_after_removing_one()
    {
        var school = await AddSchoolAsync();
        int themeId;
        await using (var db = NewContext())
        {
            var cycle = new ImprovementCycle { SchoolId = school.Id, YearCode = "2008/09", Model = CycleModel.ImprovementFacilitator };
            var theme = new ThemeForImprovement { Title = "Assessment for learning", Cycle = cycle };
            theme.Elements.Add(new ThemeElement { ElementCode = "CURRICULUM_TEACHING" });
            db.ThemesForImprovement.Add(theme);
            await SaveRejectedAsync(db, RuleCodes.ThemeElements);
            theme.Elements.Add(new ThemeElement { ElementCode = "IMPROVEMENT_ACCOUNTABILITY" });
            await db.SaveChangesAsync(Ct);
            themeId = theme.Id;
        }
        await using (var db = NewContext())
        {
            var link = await db.ThemeElements.FirstAsync(e => e.ThemeId == themeId, Ct);
            db.ThemeElements.Remove(link);
            await SaveRejectedAsync(db, RuleCodes.ThemeElements);
        }
        Assert.Equal(2, await CountWhereAsync(themeId));

        async Task<int> CountWhereAsync(int id)
        {
            await using var db = NewContext();
            return await db.ThemeElements.CountAsync(e => e.ThemeId == id, Ct);
        }
    }

    [Fact]
    public async Task SEP_ratings_are_kept_not_overwritten()
    {
        var school = await AddSchoolAsync();
        int ratingId;
        await using (var db = NewContext())
        {
            var se = new SelfEvaluation { SchoolId = school.Id, YearCode = "2008/09", Tool = EvaluationTool.Sep, Date = new DateOnly(2008, 10, 1) };
            se.Ratings.Add(new SepRating { ElementCode = "LEADERSHIP", Level = SepLevel.Developing, RatedOn = new DateOnly(2008, 10, 1) });
            se.Ratings.Add(new SepRating { ElementCode = "LEADERSHIP", Level = SepLevel.Expected, RatedOn = new DateOnly(2009, 7, 1) }); // a lower re-rating is kept
            db.SelfEvaluations.Add(se);
            await db.SaveChangesAsync(Ct);
            ratingId = se.Ratings[0].Id;
        }
        await using (var db = NewContext())
        {
            var r = await db.SepRatings.SingleAsync(x => x.Id == ratingId, Ct);
            r.Level = SepLevel.Transformed;
            await SaveRejectedAsync(db, RuleCodes.RatingImmutable);
        }
    }

    [Fact]
    public async Task A_rating_may_name_only_an_aspect_of_its_element()
    {
        var school = await AddSchoolAsync();
        await using (var db = NewContext())
        {
            db.SefAspects.Add(new SefAspect { ElementCode = "LEADERSHIP", Code = "TEST_ASPECT", NameEn = "Test aspect", SortOrder = 1 });
            await db.SaveChangesAsync(Ct);
        }
        await using (var db = NewContext())
        {
            var se = new SelfEvaluation { SchoolId = school.Id, YearCode = "2009/10", Tool = EvaluationTool.Sep, Date = new DateOnly(2009, 10, 1) };
            se.Ratings.Add(new SepRating { ElementCode = "CURRICULUM_TEACHING", AspectCode = "TEST_ASPECT", Level = SepLevel.Developing, RatedOn = se.Date });
            db.SelfEvaluations.Add(se);
            await SaveRejectedAsync(db, RuleCodes.AspectNotInElement);
            se.Ratings[0].ElementCode = "LEADERSHIP";
            await db.SaveChangesAsync(Ct);
        }
    }

    [Fact]
    public async Task One_profile_per_school_per_year_and_one_measure_value_per_subject_year_and_subgroup()
    {
        var school = await AddSchoolAsync();
        await using (var db = NewContext())
        {
            db.SchoolYearProfiles.Add(new SchoolYearProfile { SchoolId = school.Id, YearCode = "2015/16", Pupils = 210, PctEfsm = 18.5m, LanguageCategoryId = "2007:EM" });
            db.MeasureValues.Add(new MeasureValue { MeasureCode = "ATTENDANCE", YearCode = "2015/16", Subject = MeasureSubject.School, SchoolId = school.Id, Value = 95.1m });
            await db.SaveChangesAsync(Ct);
        }
        await using (var db = NewContext())
        {
            db.SchoolYearProfiles.Add(new SchoolYearProfile { SchoolId = school.Id, YearCode = "2015/16", Pupils = 999 });
            await SaveRejectedAsync(db, RuleCodes.ProfileDuplicate);
        }
        await using (var db = NewContext())
        {
            db.MeasureValues.Add(new MeasureValue { MeasureCode = "ATTENDANCE", YearCode = "2015/16", Subject = MeasureSubject.School, SchoolId = school.Id, Value = 90m });
            await SaveRejectedAsync(db, RuleCodes.MeasureValueDuplicate);
            db.ChangeTracker.Clear();
            // Another subgroup, and the Wales figure, are separate facts.
            db.MeasureValues.Add(new MeasureValue { MeasureCode = "ATTENDANCE", YearCode = "2015/16", Subject = MeasureSubject.School, SchoolId = school.Id, Subgroup = Subgroup.Efsm, Value = 92.4m, CohortSize = 40 });
            db.MeasureValues.Add(new MeasureValue { MeasureCode = "ATTENDANCE", YearCode = "2015/16", Subject = MeasureSubject.Wales, Value = 94.9m });
            await db.SaveChangesAsync(Ct);
        }
        await using (var db = NewContext())
        {
            db.MeasureValues.Add(new MeasureValue { MeasureCode = "ATTENDANCE", YearCode = "2015/16", Subject = MeasureSubject.LocalAuthority, SchoolId = school.Id, Value = 1m });
            await SaveRejectedAsync(db, RuleCodes.MeasureSubject);
        }
    }

    [Fact]
    public async Task Internal_barriers_do_not_escalate()
    {
        var school = await AddSchoolAsync();
        await using var db = NewContext();
        var cycle = new ImprovementCycle { SchoolId = school.Id, YearCode = "2008/09", Model = CycleModel.Associate };
        cycle.Barriers.Add(new BarrierToEffectiveness { Scope = BarrierScope.Internal, Description = "Timetable", EscalatedTo = EscalationTarget.LocalAuthority });
        db.ImprovementCycles.Add(cycle);
        await SaveRejectedAsync(db, RuleCodes.BarrierEscalation);
    }

    // ---- Outcome agreements ----

    [Fact]
    public async Task Outcome_agreement_targets_must_fall_inside_the_agreement_period()
    {
        await using var db = NewContext();
        var agreement = new OutcomeAgreement { LaCode = "664", PeriodStart = new DateOnly(2010, 4, 1), PeriodEnd = new DateOnly(2013, 3, 31), MaxGrant = 1_300_000m };
        var outcome = new OaOutcome { ThemeCode = "SCHOOL_ATTAINMENT", Title = "Raise attainment", Agreement = agreement };
        var measure = new OaMeasure { Description = "L2 inclusive", MeasureCode = "L2_INCL", Outcome = outcome, Baseline = 45.5m };
        measure.Targets.Add(new OaTarget { YearCode = "2011/12", Value = 50m });
        measure.Targets.Add(new OaTarget { YearCode = "2015/16", Value = 60m });
        db.OaMeasures.Add(measure);
        var ex = await SaveRejectedAsync(db, RuleCodes.TargetOutsideAgreement);
        Assert.Contains("2015/16", ex.Message);
        measure.Targets.RemoveAt(1);
        db.ChangeTracker.Entries<OaTarget>().Where(e => e.Entity.YearCode == "2015/16").ToList().ForEach(e => e.State = EntityState.Detached);
        await db.SaveChangesAsync(Ct);
        Assert.True(agreement.Id > 0);
    }

    // ---- People ----

    [Fact]
    public async Task A_school_has_one_challenge_adviser_per_year()
    {
        var school = await AddSchoolAsync();
        await using var db = NewContext();
        var a = new Person { GivenName = "Ann", FamilyName = "Adviser" };
        var b = new Person { GivenName = "Bob", FamilyName = "Adviser" };
        foreach (var p in new[] { a, b })
            db.RoleAssignments.Add(new RoleAssignment
            {
                Person = p, Role = RoleKind.ChallengeAdviser, Employer = EmployerKind.Consortium, EmployerConsortiumCode = "CSC",
                SchoolId = school.Id, YearCode = "2015/16", ValidFrom = new DateOnly(2015, 9, 1),
            });
        await SaveRejectedAsync(db, RuleCodes.DuplicateChallengeAdviser);
    }
}

public sealed class DomainRuleTestsSqlite(SqliteMigratedDatabase db) : DomainRuleTests(db), IClassFixture<SqliteMigratedDatabase>;

public sealed class DomainRuleTestsPostgres(PostgresMigratedDatabase db) : DomainRuleTests(db), IClassFixture<PostgresMigratedDatabase>;
