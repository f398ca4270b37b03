using Microsoft.EntityFrameworkCore;
using SefData.Domain;

namespace SefData.Data.Seeding;

/// <summary>Checks and clean-up around seeding, shared by the CLI and the API's first-run seeding.</summary>
public static class SeedDatabase
{
    /// <summary>True when any school-level data exists (the generator refuses to mix its rows with existing ones).</summary>
    public static Task<bool> HasSchoolDataAsync(SefDataDbContext db, CancellationToken ct = default) =>
        db.Schools.AnyAsync(ct);

    /// <summary>
    /// Deletes every row of the tables the generator fills (all school-level data, people and outcome agreements),
    /// children before parents; reference data stays. Used by <c>sefdata seed --replace</c>.
    /// </summary>
    public static async Task ClearAsync(SefDataDbContext db, CancellationToken ct = default)
    {
        // Plain DELETE statements: the context refuses ExecuteDelete (it would bypass the write rules), and a wipe
        // of generated data has no rules to keep.
        Type[] childrenFirst =
        [
            typeof(ActivityLog), typeof(GroupActivity), typeof(ActionObjective), typeof(ActionPlan), typeof(Review), typeof(ThemeElement), typeof(ThemeForImprovement),
            typeof(KeyStrength), typeof(BarrierToEffectiveness), typeof(SepRating), typeof(ImprovementCycle), typeof(SelfEvaluation),
            typeof(OaOutcomeRating), typeof(OaAssessment), typeof(OaTarget), typeof(OaMeasure), typeof(OaOutcome), typeof(OutcomeAgreement),
            typeof(SupportBrokerage), typeof(GroupMembership), typeof(CollaborationGroup), typeof(MeasureValue),
            typeof(Recommendation), typeof(FollowUp), typeof(InspectionJudgement), typeof(Inspection), typeof(CategorisationStageChange), typeof(CategorisationResult),
            typeof(RoleAssignment), typeof(Person), typeof(SchoolYearProfile), typeof(SchoolLink), typeof(School),
        ];
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var type in childrenFirst)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandTimeout = 0;
            command.CommandText = "DELETE FROM " + TableMap.For(db.Model, type).QualifiedName;
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        await DatasetInfoStore.DeleteAsync(db, ct);
    }
}
