using System.Reflection;
using SefData.Api.Tests.Brokerage;
using SefData.Api.Tests.Infrastructure;

namespace SefData.Api.Tests.Recording;

/// <summary>
/// The audit behind "for each mutation, tests of its domain errors": every field of the running schema's Mutation
/// type must be registered below with at least one test that sends it bad input and asserts the typed error and that
/// the database did not change. A new mutation without such a test fails here until a row is added.
/// </summary>
public abstract class MutationErrorCoverageTests(ApiHost host)
{
    /// <summary>Mutation -> the tests proving its domain errors (class and method, checked by reflection).</summary>
    public static readonly IReadOnlyDictionary<string, (Type Class, string Method)[]> DomainErrorTests = new Dictionary<string, (Type, string)[]>
    {
        // Brokerage (challenge advisers 2 and 4)
        ["proposeBrokerage"] =
        [
            (typeof(BrokerageLifecycleTests), nameof(BrokerageLifecycleTests.Proposal_rules_reject_and_write_nothing)),
            (typeof(MutationDomainErrorTests), nameof(MutationDomainErrorTests.Out_of_range_numbers_are_typed_errors_and_write_nothing)),
        ],
        ["agreeBrokerage"] = [(typeof(MutationDomainErrorTests), nameof(MutationDomainErrorTests.Brokerage_moves_out_of_turn_or_on_a_stale_version_are_typed_errors_and_change_nothing))],
        ["startBrokerage"] =
        [
            (typeof(MutationDomainErrorTests), nameof(MutationDomainErrorTests.Brokerage_moves_out_of_turn_or_on_a_stale_version_are_typed_errors_and_change_nothing)),
            (typeof(BrokerageLifecycleTests), nameof(BrokerageLifecycleTests.Full_lifecycle_with_snapshots_versions_and_read_back)),
        ],
        ["reviewBrokerage"] = [(typeof(MutationDomainErrorTests), nameof(MutationDomainErrorTests.Brokerage_moves_out_of_turn_or_on_a_stale_version_are_typed_errors_and_change_nothing))],
        ["closeBrokerage"] = [(typeof(MutationDomainErrorTests), nameof(MutationDomainErrorTests.Brokerage_moves_out_of_turn_or_on_a_stale_version_are_typed_errors_and_change_nothing))],

        // Categorisation (challenge adviser 3, consortium 5)
        ["recordCategorisation"] =
        [
            (typeof(CategorisationRecordingTests), nameof(CategorisationRecordingTests.Draft_to_published_one_stage_at_a_time_with_moderation)),
            (typeof(MutationDomainErrorTests), nameof(MutationDomainErrorTests.Out_of_range_numbers_are_typed_errors_and_write_nothing)),
        ],
        ["updateCategorisationDraft"] = [(typeof(MutationDomainErrorTests), nameof(MutationDomainErrorTests.Categorisation_edits_out_of_turn_or_on_a_stale_version_are_typed_errors_and_change_nothing))],
        ["moveCategorisationStage"] =
        [
            (typeof(MutationDomainErrorTests), nameof(MutationDomainErrorTests.Categorisation_edits_out_of_turn_or_on_a_stale_version_are_typed_errors_and_change_nothing)),
            (typeof(CategorisationRecordingTests), nameof(CategorisationRecordingTests.Draft_to_published_one_stage_at_a_time_with_moderation)),
        ],

        // Inspections and follow-up
        ["recordInspection"] = [(typeof(RecordingMutationTests), nameof(RecordingMutationTests.An_inspection_and_its_judgements_are_saved_all_or_nothing))],
        ["recordInspectionJudgement"] = [(typeof(RecordingMutationTests), nameof(RecordingMutationTests.Inspection_judgements_must_exist_in_the_framework))],
        ["startFollowUp"] = [(typeof(RecordingMutationTests), nameof(RecordingMutationTests.Follow_ups_start_and_are_removed))],
        ["removeFollowUp"] = [(typeof(RecordingMutationTests), nameof(RecordingMutationTests.Follow_ups_start_and_are_removed))],

        // Measures and collaboration
        ["recordSchoolMeasureValue"] =
        [
            (typeof(RecordingMutationTests), nameof(RecordingMutationTests.Measure_values_and_group_memberships)),
            (typeof(MutationDomainErrorTests), nameof(MutationDomainErrorTests.Out_of_range_numbers_are_typed_errors_and_write_nothing)),
        ],
        ["addGroupMembership"] = [(typeof(RecordingMutationTests), nameof(RecordingMutationTests.Measure_values_and_group_memberships))],

        // Outcome agreements and barriers (local authorities 1 and 4)
        ["setOaTarget"] = [(typeof(RecordingMutationTests), nameof(RecordingMutationTests.Outcome_agreement_targets_and_assessments_stay_inside_the_agreement))],
        ["recordOaAssessment"] =
        [
            (typeof(RecordingMutationTests), nameof(RecordingMutationTests.Outcome_agreement_targets_and_assessments_stay_inside_the_agreement)),
            (typeof(OutcomeAgreementMutationTests), nameof(OutcomeAgreementMutationTests.The_LA_self_assessment_cannot_record_a_grant_above_the_maximum)),
        ],
        ["respondToBarrier"] = [(typeof(RecordingMutationTests), nameof(RecordingMutationTests.The_LA_responds_to_an_escalated_barrier))],
        ["createOutcomeAgreement"] = [(typeof(OutcomeAgreementMutationTests), nameof(OutcomeAgreementMutationTests.Creating_an_agreement_checks_period_overlap_signature_and_grant))],
        ["addOaOutcome"] = [(typeof(OutcomeAgreementMutationTests), nameof(OutcomeAgreementMutationTests.Outcomes_have_unique_themes_and_weights_up_to_100))],
        ["addOaMeasure"] = [(typeof(OutcomeAgreementMutationTests), nameof(OutcomeAgreementMutationTests.Measures_need_a_description_or_catalogue_measure_and_targets_inside_the_period))],
        ["rateOaAssessment"] = [(typeof(OutcomeAgreementMutationTests), nameof(OutcomeAgreementMutationTests.WG_rates_each_outcome_once_a_year_and_pays_at_most_the_maximum_grant))],
    };

    [Fact]
    public async Task Every_mutation_of_the_running_schema_has_a_registered_domain_error_test()
    {
        using var json = await host.PostGraphQLAsync("{ __schema { mutationType { fields { name } } } }");
        var mutations = GraphQLAssert.NoErrors(json).GetProperty("__schema").GetProperty("mutationType").GetProperty("fields")
            .EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToList();
        Assert.NotEmpty(mutations);

        var missing = mutations.Where(m => !DomainErrorTests.TryGetValue(m, out var tests) || tests.Length == 0).ToList();
        Assert.True(missing.Count == 0,
            "Mutations without a registered domain-error test (add the test and a row to MutationErrorCoverageTests.DomainErrorTests): " + string.Join(", ", missing));
        var stale = DomainErrorTests.Keys.Except(mutations).ToList();
        Assert.True(stale.Count == 0, "Rows for mutations the schema no longer has: " + string.Join(", ", stale));
    }

    [Fact]
    public void Every_registered_test_exists_and_runs_on_both_providers()
    {
        var concrete = typeof(MutationErrorCoverageTests).Assembly.GetTypes().Where(t => !t.IsAbstract && t.IsClass).ToList();
        foreach (var (mutation, tests) in DomainErrorTests)
            foreach (var (type, name) in tests)
            {
                var method = type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance);
                Assert.True(method is not null, $"{mutation}: {type.Name}.{name} does not exist");
                Assert.True(method!.GetCustomAttribute<FactAttribute>(inherit: true) is not null, $"{mutation}: {type.Name}.{name} is not a test");
                // The abstract test class runs once per provider through its sealed subclasses.
                foreach (var provider in new[] { typeof(SqliteApiHost), typeof(PostgresApiHost) })
                    Assert.True(concrete.Any(t => type.IsAssignableFrom(t) && t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == provider))),
                        $"{mutation}: {type.Name} has no subclass running on {provider.Name}");
            }
    }
}

public sealed class MutationErrorCoverageTestsSqlite(SqliteApiHost host) : MutationErrorCoverageTests(host);
public sealed class MutationErrorCoverageTestsPostgres(PostgresApiHost host) : MutationErrorCoverageTests(host);
