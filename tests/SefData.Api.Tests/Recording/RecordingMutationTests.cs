using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Domain;
using static SefData.Api.Tests.Recording.MutationKit;

namespace SefData.Api.Tests.Recording;

/// <summary>Inspections, follow-ups, measures, group memberships, outcome agreements (LA 1) and barrier responses (LA 4).</summary>
public abstract class RecordingMutationTests(ApiHost host)
{
    [Fact]
    public async Task Inspection_judgements_must_exist_in_the_framework()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var judgement = await db.InspectionJudgements.Where(j => j.FrameworkCode == "CIF2010" && j.AreaCode == "KQ1" && j.Inspection!.SchoolId != null)
            .OrderBy(j => j.InspectionId).FirstAsync(Ct);
        // Setup: remove the KQ1 judgement so it can be recorded again.
        await db.InspectionJudgements.Where(j => j.Id == judgement.Id).ExecuteDeleteAsync(Ct);
        var rows = await db.InspectionJudgements.CountAsync(Ct);
        var inspection = Id("Inspection", judgement.InspectionId);
        const string m = """
            mutation($i: RecordInspectionJudgementInput!) { recordInspectionJudgement(input: $i) {
              inspection { id ... on Cif2010Inspection { keyQuestions { keyQuestion grade } } }
              errors { __typename ... on DomainRuleError { code } ... on ValidationError { code field } } } }
            """;

        using (var x = await copy.PostGraphQLAsync(m, new { i = new { inspection, area = "KQ1", grade = "G2" } }))
            Fails(x, "recordInspectionJudgement", "inspection", "DomainRuleError:ESTYN_GRADE_NOT_IN_FRAMEWORK");
        using (var x = await copy.PostGraphQLAsync(m, new { i = new { inspection, area = "IA1", grade = "GOOD" } }))
            Fails(x, "recordInspectionJudgement", "inspection", "DomainRuleError:ESTYN_AREA_NOT_IN_FRAMEWORK");
        using (var x = await copy.PostGraphQLAsync(m, new { i = new { inspection = Id("Barrier", 1), area = "KQ1", grade = "GOOD" } }))
            Fails(x, "recordInspectionJudgement", "inspection", "ValidationError:INVALID_ID");
        Assert.Equal(rows, await db.InspectionJudgements.CountAsync(Ct));

        using (var x = await copy.PostGraphQLAsync(m, new { i = new { inspection, area = "KQ1", grade = "GOOD" } }))
        {
            var kq = Ok(x, "recordInspectionJudgement", "inspection").GetProperty("keyQuestions").EnumerateArray();
            Assert.Contains(kq, k => k.GetProperty("keyQuestion").GetString() == "KQ1" && k.GetProperty("grade").GetString() == "GOOD");
        }
        using (var x = await copy.PostGraphQLAsync(m, new { i = new { inspection, area = "KQ1", grade = "ADEQUATE" } }))
            Fails(x, "recordInspectionJudgement", "inspection", "DomainRuleError:ESTYN_DUPLICATE_JUDGEMENT");
        Assert.Equal(rows + 1, await db.InspectionJudgements.CountAsync(Ct));
    }

    [Fact]
    public async Task Follow_ups_start_and_are_removed()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var inspection = await db.Inspections.Where(i => i.SchoolId != null && i.PublishedDate != null).OrderBy(i => i.Id).FirstAsync(Ct);
        await db.FollowUps.Where(f => f.InspectionId == inspection.Id).ExecuteDeleteAsync(Ct);
        var id = Id("Inspection", inspection.Id);
        var start = inspection.PublishedDate!.Value;
        var startText = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var fields = $"followUp {{ category startDate removedDate version }} {Errors}";

        using var started = await copy.PostGraphQLAsync($"mutation($i: StartFollowUpInput!) {{ startFollowUp(input: $i) {{ {fields} }} }}",
            new { i = new { inspection = id, category = "ESTYN_MONITORING", startDate = startText } });
        var f = Ok(started, "startFollowUp", "followUp");
        var version = f.GetProperty("version").GetInt32();
        using (var again = await copy.PostGraphQLAsync($"mutation($i: StartFollowUpInput!) {{ startFollowUp(input: $i) {{ {fields} }} }}",
                   new { i = new { inspection = id, category = "ESTYN_MONITORING", startDate = startText } }))
            Fails(again, "startFollowUp", "followUp", "DomainRuleError:FOLLOW_UP_OPEN");
        Assert.Equal(1, await db.FollowUps.CountAsync(x => x.InspectionId == inspection.Id, Ct));

        const string remove = "mutation($i: RemoveFollowUpInput!) { removeFollowUp(input: $i) { followUp { category startDate removedDate version } " +
            "errors { __typename ... on DomainRuleError { code } ... on ConcurrencyError { expectedVersion actualVersion } } } }";
        string Day(int d) => start.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using (var x = await copy.PostGraphQLAsync(remove, new { i = new { inspection = id, category = "ESTYN_MONITORING", removedDate = Day(-1), version } }))
            Fails(x, "removeFollowUp", "followUp", "DomainRuleError:DATE_RANGE");
        using (var x = await copy.PostGraphQLAsync(remove, new { i = new { inspection = id, category = "ESTYN_MONITORING", removedDate = Day(200), version = version + 1 } }))
            Fails(x, "removeFollowUp", "followUp", "ConcurrencyError");
        using (var x = await copy.PostGraphQLAsync(remove, new { i = new { inspection = id, category = "SPECIAL_MEASURES", removedDate = Day(200), version } }))
            Fails(x, "removeFollowUp", "followUp", "DomainRuleError:FOLLOW_UP_NOT_OPEN");
        Assert.Null((await db.FollowUps.SingleAsync(x => x.InspectionId == inspection.Id, Ct)).RemovedDate);
        using (var x = await copy.PostGraphQLAsync(remove, new { i = new { inspection = id, category = "ESTYN_MONITORING", removedDate = Day(200), version } }))
            Assert.Equal(version + 1, Ok(x, "removeFollowUp", "followUp").GetProperty("version").GetInt32());

        using var read = await copy.PostGraphQLAsync("query($id: ID!) { node(id: $id) { ... on Inspection { followUps { category startDate removedDate } } } }", new { id });
        var back = Assert.Single(GraphQLAssert.NoErrors(read).GetProperty("node").GetProperty("followUps").EnumerateArray());
        Assert.Equal(("ESTYN_MONITORING", startText, Day(200)), (back.GetProperty("category").GetString(), back.GetProperty("startDate").GetString(), back.GetProperty("removedDate").GetString()));
    }

    [Fact]
    public async Task Measure_values_and_group_memberships()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var existing = await db.MeasureValues.Where(v => v.Subject == MeasureSubject.School).OrderBy(v => v.Id).Include(v => v.School).FirstAsync(Ct);
        var taken = await db.MeasureValues.Where(v => v.SchoolId == existing.SchoolId && v.MeasureCode == existing.MeasureCode && v.YearCode == existing.YearCode)
            .Select(v => v.Subgroup).ToListAsync(Ct);
        var free = Enum.GetValues<Subgroup>().First(s => !taken.Contains(s));
        var number = existing.School!.SchoolNumber;
        var values = await db.MeasureValues.CountAsync(Ct);
        var m = $"mutation($i: RecordSchoolMeasureValueInput!) {{ recordSchoolMeasureValue(input: $i) {{ measureValue {{ value estimate valueAdded subgroup }} {Errors} }} }}";
        static string SubgroupName(Subgroup s) => string.Concat(s.ToString().Select((ch, k) => k > 0 && char.IsUpper(ch) ? "_" + ch : ch.ToString())).ToUpperInvariant();
        var freeName = SubgroupName(free);

        using (var x = await copy.PostGraphQLAsync(m, new { i = new { school = number, measure = existing.MeasureCode, year = existing.YearCode, subgroup = SubgroupName(existing.Subgroup), value = 50.0m } }))
            Fails(x, "recordSchoolMeasureValue", "measureValue", "DomainRuleError:MEASURE_VALUE_DUPLICATE");
        using (var x = await copy.PostGraphQLAsync(m, new { i = new { school = number, measure = existing.MeasureCode, year = existing.YearCode, subgroup = freeName, value = 50.0m, ciLow = 60.0m, ciHigh = 40.0m } }))
            Fails(x, "recordSchoolMeasureValue", "measureValue", "DomainRuleError:CONFIDENCE_INTERVAL");
        using (var x = await copy.PostGraphQLAsync(m, new { i = new { school = number, measure = "NO_SUCH_MEASURE", year = existing.YearCode, value = 1.0m } }))
            Fails(x, "recordSchoolMeasureValue", "measureValue", "ValidationError:NOT_FOUND");
        Assert.Equal(values, await db.MeasureValues.CountAsync(Ct));
        using (var x = await copy.PostGraphQLAsync(m, new { i = new { school = number, measure = existing.MeasureCode, year = existing.YearCode, subgroup = freeName, value = 52.5m, estimate = 50.0m } }))
            Assert.Equal(2.5m, Ok(x, "recordSchoolMeasureValue", "measureValue").GetProperty("valueAdded").GetDecimal());
        using (var read = await copy.PostGraphQLAsync("query($n: String!, $m: String!, $y: AcademicYear!) { school(schoolNumber: $n) { measures(measure: $m, year: $y) { subgroup value } } }",
                   new { n = number, m = existing.MeasureCode, y = existing.YearCode }))
            Assert.Contains(GraphQLAssert.NoErrors(read).GetProperty("school").GetProperty("measures").EnumerateArray(),
                v => v.GetProperty("subgroup").GetString() == freeName && v.GetProperty("value").GetDecimal() == 52.5m);

        // Group memberships: a second, overlapping membership of the same group is rejected.
        var membership = await db.GroupMemberships.OrderBy(g => g.Id).Include(g => g.School).FirstAsync(Ct);
        var group = Id("CollaborationGroup", membership.GroupId);
        var members = await db.GroupMemberships.Where(g => g.GroupId == membership.GroupId).Select(g => g.SchoolId).ToListAsync(Ct);
        var outsider = await db.Schools.Where(s => !members.Contains(s.Id)).OrderBy(s => s.Id).Select(s => s.SchoolNumber).FirstAsync(Ct);
        var rows = await db.GroupMemberships.CountAsync(Ct);
        var add = $"mutation($i: AddGroupMembershipInput!) {{ addGroupMembership(input: $i) {{ membership {{ role validFrom validTo school {{ schoolNumber }} }} {Errors} }} }}";
        var from = membership.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using (var x = await copy.PostGraphQLAsync(add, new { i = new { group, school = membership.School!.SchoolNumber, validFrom = from } }))
            Fails(x, "addGroupMembership", "membership", "DomainRuleError:MEMBERSHIP_OVERLAP");
        using (var x = await copy.PostGraphQLAsync(add, new { i = new { group, school = outsider, validFrom = from, validTo = membership.ValidFrom.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } }))
            Fails(x, "addGroupMembership", "membership", "DomainRuleError:DATE_RANGE");
        Assert.Equal(rows, await db.GroupMemberships.CountAsync(Ct));
        using (var x = await copy.PostGraphQLAsync(add, new { i = new { group, school = outsider, role = "LEAD", validFrom = from } }))
            Assert.Equal("LEAD", Ok(x, "addGroupMembership", "membership").GetProperty("role").GetString());
        using (var read = await copy.PostGraphQLAsync("query($id: ID!) { node(id: $id) { ... on CollaborationGroup { members { role school { schoolNumber } } } } }", new { id = group }))
            Assert.Contains(GraphQLAssert.NoErrors(read).GetProperty("node").GetProperty("members").EnumerateArray(),
                v => v.GetProperty("school").GetProperty("schoolNumber").GetString() == outsider && v.GetProperty("role").GetString() == "LEAD");
    }

    [Fact]
    public async Task Outcome_agreement_targets_and_assessments_stay_inside_the_agreement()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var target = await db.OaTargets.OrderBy(t => t.Id).Include(t => t.OaMeasure!).ThenInclude(m => m.Outcome!).ThenInclude(o => o.Agreement).FirstAsync(Ct);
        var agreement = target.OaMeasure!.Outcome!.Agreement!;
        var outside = AcademicYears.Format(agreement.PeriodEnd.Year + 2);
        var rows = await db.OaTargets.CountAsync(Ct);
        var set = $"mutation($i: SetOaTargetInput!) {{ setOaTarget(input: $i) {{ measure {{ oaMeasureId targets {{ year target }} }} {Errors} }} }}";

        using (var x = await copy.PostGraphQLAsync(set, new { i = new { oaMeasureId = target.OaMeasureId, year = outside, value = 70.0m } }))
            Fails(x, "setOaTarget", "measure", "DomainRuleError:TARGET_OUTSIDE_AGREEMENT");
        using (var x = await copy.PostGraphQLAsync(set, new { i = new { oaMeasureId = target.OaMeasureId, year = target.YearCode, value = 70.0m, version = target.Version + 1 } }))
            Fails(x, "setOaTarget", "measure", "ConcurrencyError");
        Assert.Equal((rows, target.Value), (await db.OaTargets.CountAsync(Ct), (await db.OaTargets.SingleAsync(t => t.Id == target.Id, Ct)).Value));
        using (var x = await copy.PostGraphQLAsync(set, new { i = new { oaMeasureId = target.OaMeasureId, year = target.YearCode, value = 71.5m, version = target.Version } }))
        {
            var measure = Ok(x, "setOaTarget", "measure");
            Assert.Equal(target.OaMeasureId, measure.GetProperty("oaMeasureId").GetInt32());
            Assert.Contains(measure.GetProperty("targets").EnumerateArray(), t => t.GetProperty("year").GetString() == target.YearCode && t.GetProperty("target").GetDecimal() == 71.5m);
        }

        // LA user story 1: the annual assessment. Setup: the agreement's last assessment is removed to be recorded again.
        var last = await db.OaAssessments.Where(a => a.AgreementId == agreement.Id).OrderByDescending(a => a.YearCode).FirstAsync(Ct);
        await db.OaOutcomeRatings.Where(r => r.AssessmentId == last.Id).ExecuteDeleteAsync(Ct);
        await db.OaAssessments.Where(a => a.Id == last.Id).ExecuteDeleteAsync(Ct);
        var assessments = await db.OaAssessments.CountAsync(Ct);
        var id = Id("OutcomeAgreement", agreement.Id);
        var record = $"mutation($i: RecordOaAssessmentInput!) {{ recordOaAssessment(input: $i) {{ assessment {{ year selfAssessment score grantPct }} {Errors} }} }}";
        using (var x = await copy.PostGraphQLAsync(record, new { i = new { agreement = id, year = outside, score = 3.0m } }))
            Fails(x, "recordOaAssessment", "assessment", "DomainRuleError:TARGET_OUTSIDE_AGREEMENT");
        using (var x = await copy.PostGraphQLAsync(record, new { i = new { agreement = id, year = last.YearCode, grantPct = 120.0m } }))
            Fails(x, "recordOaAssessment", "assessment", "DomainRuleError:PERCENTAGE");
        Assert.Equal(assessments, await db.OaAssessments.CountAsync(Ct));
        using (var x = await copy.PostGraphQLAsync(record, new { i = new { agreement = id, year = last.YearCode, selfAssessment = "Good progress", score = 3.5m, grantPct = 90.0m } }))
            Assert.Equal("Good progress", Ok(x, "recordOaAssessment", "assessment").GetProperty("selfAssessment").GetString());
        using (var x = await copy.PostGraphQLAsync(record, new { i = new { agreement = id, year = last.YearCode } }))
            Fails(x, "recordOaAssessment", "assessment", "DomainRuleError:OA_ASSESSMENT_DUPLICATE");
        using var read = await copy.PostGraphQLAsync("query($id: ID!) { node(id: $id) { ... on OutcomeAgreement { assessments { year selfAssessment score grantPct } } } }", new { id });
        var back = Assert.Single(GraphQLAssert.NoErrors(read).GetProperty("node").GetProperty("assessments").EnumerateArray(), a => a.GetProperty("year").GetString() == last.YearCode);
        Assert.Equal(("Good progress", 3.5m, 90.0m), (back.GetProperty("selfAssessment").GetString(), back.GetProperty("score").GetDecimal(), back.GetProperty("grantPct").GetDecimal()));
    }

    [Fact]
    public async Task The_LA_responds_to_an_escalated_barrier()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var escalated = await db.Barriers.Where(b => b.EscalatedTo != null && b.Response == null).OrderBy(b => b.Id).FirstAsync(Ct);
        var internalOne = await db.Barriers.Where(b => b.EscalatedTo == null).OrderBy(b => b.Id).FirstAsync(Ct);
        var m = $"mutation($i: RespondToBarrierInput!) {{ respondToBarrier(input: $i) {{ barrier {{ id response version }} {Errors} }} }}";

        using (var x = await copy.PostGraphQLAsync(m, new { i = new { barrier = Id("Barrier", internalOne.Id), version = internalOne.Version, response = "Noted" } }))
            Fails(x, "respondToBarrier", "barrier", "DomainRuleError:BARRIER_ESCALATION");
        using (var x = await copy.PostGraphQLAsync(m, new { i = new { barrier = Id("Barrier", escalated.Id), version = escalated.Version + 3, response = "Too late" } }))
            Fails(x, "respondToBarrier", "barrier", "ConcurrencyError");
        Assert.Null((await db.Barriers.SingleAsync(b => b.Id == internalOne.Id, Ct)).Response);
        Assert.Null((await db.Barriers.SingleAsync(b => b.Id == escalated.Id, Ct)).Response);
        using (var x = await copy.PostGraphQLAsync(m, new { i = new { barrier = Id("Barrier", escalated.Id), version = escalated.Version, response = "LA will fund cover for supply staff" } }))
            Assert.Equal(escalated.Version + 1, Ok(x, "respondToBarrier", "barrier").GetProperty("version").GetInt32());
        using var read = await copy.PostGraphQLAsync("query($id: ID!) { node(id: $id) { ... on Barrier { response } } }", new { id = Id("Barrier", escalated.Id) });
        Assert.Equal("LA will fund cover for supply staff", GraphQLAssert.NoErrors(read).GetProperty("node").GetProperty("response").GetString());
    }
}

public sealed class RecordingMutationTestsSqlite(SqliteApiHost host) : RecordingMutationTests(host);
public sealed class RecordingMutationTestsPostgres(PostgresApiHost host) : RecordingMutationTests(host);
