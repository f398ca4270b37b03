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
        await db.ActionObjectives.ExecuteDeleteAsync(ct);
        await db.ActionPlans.ExecuteDeleteAsync(ct);
        await db.Reviews.ExecuteDeleteAsync(ct);
        await db.ThemeElements.ExecuteDeleteAsync(ct);
        await db.ThemesForImprovement.ExecuteDeleteAsync(ct);
        await db.KeyStrengths.ExecuteDeleteAsync(ct);
        await db.Barriers.ExecuteDeleteAsync(ct);
        await db.SepRatings.ExecuteDeleteAsync(ct);
        await db.ImprovementCycles.ExecuteDeleteAsync(ct);
        await db.SelfEvaluations.ExecuteDeleteAsync(ct);
        await db.OaOutcomeRatings.ExecuteDeleteAsync(ct);
        await db.OaAssessments.ExecuteDeleteAsync(ct);
        await db.OaTargets.ExecuteDeleteAsync(ct);
        await db.OaMeasures.ExecuteDeleteAsync(ct);
        await db.OaOutcomes.ExecuteDeleteAsync(ct);
        await db.OutcomeAgreements.ExecuteDeleteAsync(ct);
        await db.SupportBrokerages.ExecuteDeleteAsync(ct);
        await db.GroupMemberships.ExecuteDeleteAsync(ct);
        await db.CollaborationGroups.ExecuteDeleteAsync(ct);
        await db.MeasureValues.ExecuteDeleteAsync(ct);
        await db.Recommendations.ExecuteDeleteAsync(ct);
        await db.FollowUps.ExecuteDeleteAsync(ct);
        await db.InspectionJudgements.ExecuteDeleteAsync(ct);
        await db.Inspections.ExecuteDeleteAsync(ct);
        await db.CategorisationResults.ExecuteDeleteAsync(ct);
        await db.RoleAssignments.ExecuteDeleteAsync(ct);
        await db.People.ExecuteDeleteAsync(ct);
        await db.SchoolYearProfiles.ExecuteDeleteAsync(ct);
        await db.SchoolLinks.ExecuteDeleteAsync(ct);
        await db.Schools.ExecuteDeleteAsync(ct);
        await DatasetInfoStore.DeleteAsync(db, ct);
    }
}
