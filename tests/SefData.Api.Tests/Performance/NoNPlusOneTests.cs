using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Domain;

namespace SefData.Api.Tests.Performance;

/// <summary>
/// No N+1 anywhere: for EVERY field of an object type that returns an object or a list of them, a query reaches the
/// field under a list of parents whose length a <c>first</c> argument sets (path found by <see cref="SchemaPaths"/>),
/// runs at two sizes, and the SQL command count must not grow with the number of parents. Fields no such path
/// reaches are in <see cref="NotUnderAListOfParents"/> with the reason. The walked schema is
/// <c>SefDataSchema.Build()</c>, what the server runs (SchemaFileTests checks the served SDL is the same).
/// Each case prints its parent and command counts and the path it took.
/// </summary>
public abstract partial class NoNPlusOneTests(ApiHost host)
{
    /// <summary>The large run must reach at least this many more parents, so one command per parent could not hide in the slack.</summary>
    private const int MinParentGrowth = 5;

    private const string OnlyFromMutations = "only in a mutation payload: one per request, never under a list of parents";
    private const string WalesSingleton = "Wales is a singleton (Query.wales): there is only ever one parent";
    private const string RootResult = "a root field's single result: one parent per request";

    /// <summary>Fields whose parent type no path through a sized list reaches, and why (each one parent per request).</summary>
    public static readonly IReadOnlyDictionary<string, string> NotUnderAListOfParents = new Dictionary<string, string>
    {
        ["AddOaMeasurePayload.errors"] = OnlyFromMutations,
        ["AddOaMeasurePayload.measure"] = OnlyFromMutations,
        ["AddOaOutcomePayload.errors"] = OnlyFromMutations,
        ["AddOaOutcomePayload.outcome"] = OnlyFromMutations,
        ["CreateOutcomeAgreementPayload.agreement"] = OnlyFromMutations,
        ["CreateOutcomeAgreementPayload.errors"] = OnlyFromMutations,
        ["RateOaAssessmentPayload.assessment"] = OnlyFromMutations,
        ["RateOaAssessmentPayload.errors"] = OnlyFromMutations,
        ["AddGroupMembershipPayload.errors"] = OnlyFromMutations,
        ["AddGroupMembershipPayload.membership"] = OnlyFromMutations,
        ["AgreeBrokeragePayload.brokerage"] = OnlyFromMutations,
        ["AgreeBrokeragePayload.errors"] = OnlyFromMutations,
        ["CloseBrokeragePayload.brokerage"] = OnlyFromMutations,
        ["CloseBrokeragePayload.errors"] = OnlyFromMutations,
        ["MoveCategorisationStagePayload.categorisation"] = OnlyFromMutations,
        ["MoveCategorisationStagePayload.errors"] = OnlyFromMutations,
        ["ProposeBrokeragePayload.brokerage"] = OnlyFromMutations,
        ["ProposeBrokeragePayload.errors"] = OnlyFromMutations,
        ["RecordCategorisationPayload.categorisation"] = OnlyFromMutations,
        ["RecordCategorisationPayload.errors"] = OnlyFromMutations,
        ["RecordInspectionJudgementPayload.errors"] = OnlyFromMutations,
        ["RecordInspectionJudgementPayload.inspection"] = OnlyFromMutations,
        ["RecordInspectionPayload.errors"] = OnlyFromMutations,
        ["RecordInspectionPayload.inspection"] = OnlyFromMutations,
        ["RecordOaAssessmentPayload.assessment"] = OnlyFromMutations,
        ["RecordOaAssessmentPayload.errors"] = OnlyFromMutations,
        ["RecordSchoolMeasureValuePayload.errors"] = OnlyFromMutations,
        ["RecordSchoolMeasureValuePayload.measureValue"] = OnlyFromMutations,
        ["RemoveFollowUpPayload.errors"] = OnlyFromMutations,
        ["RemoveFollowUpPayload.followUp"] = OnlyFromMutations,
        ["RespondToBarrierPayload.barrier"] = OnlyFromMutations,
        ["RespondToBarrierPayload.errors"] = OnlyFromMutations,
        ["ReviewBrokeragePayload.brokerage"] = OnlyFromMutations,
        ["ReviewBrokeragePayload.errors"] = OnlyFromMutations,
        ["SetOaTargetPayload.errors"] = OnlyFromMutations,
        ["SetOaTargetPayload.measure"] = OnlyFromMutations,
        ["StartBrokeragePayload.brokerage"] = OnlyFromMutations,
        ["StartBrokeragePayload.errors"] = OnlyFromMutations,
        ["StartFollowUpPayload.errors"] = OnlyFromMutations,
        ["StartFollowUpPayload.followUp"] = OnlyFromMutations,
        ["UpdateCategorisationDraftPayload.categorisation"] = OnlyFromMutations,
        ["UpdateCategorisationDraftPayload.errors"] = OnlyFromMutations,
        ["Wales.colourDistribution"] = WalesSingleton,
        ["Wales.colourTransitions"] = WalesSingleton,
        ["Wales.consortia"] = WalesSingleton,
        ["Wales.estynGradeDistribution"] = WalesSingleton,
        ["Wales.followUpCounts"] = WalesSingleton,
        ["Wales.localAuthorities"] = WalesSingleton,
        ["Wales.measures"] = WalesSingleton,
        ["SupportCandidateList.candidates"] = RootResult + " (Query.supportCandidates)",
        ["SupportCandidateList.recipient"] = RootResult + " (Query.supportCandidates)",
        ["SchoolsConnection.edges"] = RootResult + " (Query.schools: the connection holds the list of parents)",
        ["SchoolsConnection.nodes"] = RootResult + " (Query.schools: the connection holds the list of parents)",
        ["SchoolsConnection.pageInfo"] = RootResult + " (Query.schools)",
        ["BrokerageAlerts.overloadedProviders"] = RootResult + " (Query.brokerageAlerts)",
        ["BrokerageAlerts.providerColourDropped"] = RootResult + " (Query.brokerageAlerts)",
        ["BrokerageAlerts.repeatedProviders"] = RootResult + " (Query.brokerageAlerts)",
    };

    /// <summary>
    /// Fields a path reaches whose parents the demo data cannot multiply with any argument, and why they cost nothing
    /// per parent anyway. Kept short: prefer a path or argument in SchemaPaths that does multiply them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NoGrowingDemoData = new Dictionary<string, string>
    {
        // The demo data is loaded as published, with no stage history; CategorisationStageHistoryTests adds history to
        // 40 schools on a private copy and counts the commands of stageHistory { changedBy } at 3 and 40 schools.
        ["CategorisationStageChange.changedBy"] = "seeded categorisations have no stage history (batched: see CategorisationStageHistoryTests)",
        ["CategorisationStageChange.categorisation"] = "seeded categorisations have no stage history (a LoadOne batch by id)",
        ["ColourDropAlert.brokerage"] = "Query.brokerageAlerts lists every colour drop of a year (no size argument) and the alert already holds its brokerage (no query)",
    };

    public static IReadOnlyList<string> CheckedFields =>
        SchemaPaths.Instance.Targets.Where(t => !NotUnderAListOfParents.ContainsKey(t) && !NoGrowingDemoData.ContainsKey(t)).ToList();

    public static TheoryData<string> ObjectFields => new(CheckedFields);

    [Fact]
    public void Every_field_without_a_list_of_parents_is_allow_listed_with_a_reason()
    {
        var unreachable = SchemaPaths.Instance.Unreachable.ToHashSet();
        var missing = unreachable.Where(f => !NotUnderAListOfParents.ContainsKey(f)).Order().ToList();
        var stale = NotUnderAListOfParents.Keys.Where(f => !unreachable.Contains(f)).Order().ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            (missing.Count > 0 ? "No path through a sized list reaches these fields; add each to NotUnderAListOfParents with why:\n  " + string.Join("\n  ", missing) + "\n" : "")
            + (stale.Count > 0 ? "These allow-listed fields are now reachable under a list of parents; remove them:\n  " + string.Join("\n  ", stale) : ""));
        Assert.All(NotUnderAListOfParents.Concat(NoGrowingDemoData), e => Assert.False(string.IsNullOrWhiteSpace(e.Value)));
        Assert.All(NoGrowingDemoData.Keys, f => Assert.Contains(f, SchemaPaths.Instance.Targets.Except(unreachable)));
    }

    [Fact]
    public void The_walk_covers_the_fields_the_dashboards_use()
    {
        // Guards the walk itself: if it stopped seeing object fields, every theory case would vanish and nothing would fail.
        var fields = CheckedFields.ToHashSet();
        Assert.Superset(new HashSet<string> { "School.categorisations", "School.localAuthority", "Cif2010Inspection.keyQuestions", "OaMeasure.targets", "LocalAuthority.outcomeAgreements" }, fields);
        Assert.True(fields.Count > 50, $"Only {fields.Count} object fields found");
    }

    [Fact]
    public void No_connection_is_nested_under_a_parent()
    {
        // Today only Query.schools is a connection. A nested one would page per parent (one command each) unless
        // SefData.GraphQL.Data learns to batch connections; this makes its arrival a decision, not an accident.
        Assert.Empty(SchemaPaths.Instance.NestedConnections);
    }

    [Theory]
    [MemberData(nameof(ObjectFields))]
    public async Task Sql_commands_do_not_grow_with_the_number_of_parents(string field)
    {
        var samples = await SamplesAsync();
        var paths = SchemaPaths.Instance;
        var tried = new List<string>();
        // Candidate paths, shortest first: the first whose large run reaches clearly more parents decides.
        for (var path = 0; path < paths.PathCount(field); path++)
        {
            var (smallParents, smallSql) = await RunAsync(field, path, false, samples);
            var (largeParents, largeSql) = await RunAsync(field, path, true, samples);
            var output = $"{host.Provider} {field}: {smallParents} -> {largeParents} parents, {smallSql.Count} -> {largeSql.Count} SQL commands\n  via {paths.Describe(field, path)}";
            TestContext.Current.TestOutputHelper?.WriteLine(output);
            // Both runs must resolve the field (else the small run lacks its batch commands and they look like growth).
            if (smallParents == 0 || largeParents - smallParents < MinParentGrowth)
            {
                tried.Add(output);
                continue;
            }
            Assert.True(largeSql.Count - smallSql.Count <= SqlCommandCountTests.WaveSlack,
                $"N+1: {output}\n{paths.QueryFor(field, path, true, samples)}\nMost repeated commands at first: {SchemaPaths.LargeSize}:\n{MostRepeated(largeSql)}");
            return;
        }
        Assert.Fail($"No path multiplies the parents of {field} (the demo data may not reach them): find one, or allow-list the field with why.\n" + string.Join("\n", tried));
    }

    private async Task<(int Parents, IReadOnlyList<string> Sql)> RunAsync(string field, int path, bool large, ArgumentSamples samples)
    {
        var query = SchemaPaths.Instance.QueryFor(field, path, large, samples);
        var (json, sql) = await host.PostGraphQLWithSqlAsync(query);
        using (json)
        {
            if (json.RootElement.TryGetProperty("errors", out var errors))
                Assert.Fail($"GraphQL errors for {query}\n{errors.GetRawText()}");
            return (SchemaPaths.Instance.CountParents(field, path, json.RootElement.GetProperty("data")), sql);
        }
    }

    private static string MostRepeated(IReadOnlyList<string> sql) => string.Join("\n", sql
        .Select(c => WhiteSpace().Replace(c, " "))
        .GroupBy(c => c.Length > 240 ? c[..240] : c)
        .OrderByDescending(g => g.Count()).Take(3)
        .Select(g => $"  {g.Count()} x {g.Key}"));

    // xunit makes an instance per test case: cache per database, not per instance.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ArgumentSamples> Samples = new();

    /// <summary>Values for required arguments, read from the database: a school, its LA, a consortium of 2018/19, a red school of 2018/19.</summary>
    private async Task<ArgumentSamples> SamplesAsync()
    {
        if (Samples.TryGetValue(host.ConnectionString, out var cached)) return cached;
        var ct = TestContext.Current.CancellationToken;
        await using var db = host.NewDbContext();
        var school = await db.Schools.OrderBy(s => s.SchoolNumber).FirstAsync(ct);
        var census = new DateOnly(2019, 1, 31);
        var consortium = await db.ConsortiumMemberships.Where(m => m.ValidFrom <= census && (m.ValidTo == null || m.ValidTo >= census))
            .OrderBy(m => m.ConsortiumCode).Select(m => m.ConsortiumCode).FirstAsync(ct);
        var red = await db.CategorisationResults.Where(c => c.YearCode == "2018/19" && c.SupportColour == SupportColour.Red)
            .OrderBy(c => c.SchoolId).Select(c => c.School!.SchoolNumber).FirstAsync(ct);
        return Samples[host.ConnectionString] = new ArgumentSamples(school.SchoolNumber, school.LaCode, consortium, red);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}

[Collection(SqlCountCollection.Name)]
public sealed class NoNPlusOneTestsSqlite(SqliteApiHost host) : NoNPlusOneTests(host);

[Collection(SqlCountCollection.Name)]
public sealed class NoNPlusOneTestsPostgres(PostgresApiHost host) : NoNPlusOneTests(host);
