using Microsoft.EntityFrameworkCore;
using SefData.Api.GraphQL.Core;
using SefData.Api.GraphQL.Organisation;
using SefData.Domain;
using SefData.GraphQL.Types;

namespace SefData.Api.GraphQL.Accountability;

/// <summary>Categorisation workflow history (who moved it, when, why), capacity evidence and the agreement date.</summary>
public sealed partial class AccountabilityModule
{
    private static void CategorisationHistory(SchemaBuilder b)
    {
        b.Object<CategorisationStageChange>(t => t
            .Implements("Node")
            .Description("One step of a categorisation's workflow (draft -> agreed -> moderated -> verified -> published): who, when, why, and the colour.")
            .Field("id", "ID!", ctx => NodeId.Encode("CategorisationStageChange", ctx.Parent<CategorisationStageChange>().Id))
            .Field("categorisation", "CategorisationResult!", f => f.Resolve(ctx => CategorisationById(ctx, ctx.Parent<CategorisationStageChange>().CategorisationResultId)))
            .Field(x => x.FromStage, null, f => f.Description("The stage before the step; null for the entry that records the draft's creation."))
            .Field(x => x.ToStage)
            .Field(x => x.ColourBefore, null, f => f.Description("The colour before the step, only when the step changed it (moderation); otherwise null."))
            .Field(x => x.ColourAfter, null, f => f.Description("The colour after the step. On the AGREED entry: the draft colour agreed with the head and governors."))
            .Field("changedAt", "DateTime!", f => f
                .Description("When the step was recorded (UTC).")
                .Resolve(ctx => (object?)new DateTimeOffset(DateTime.SpecifyKind(ctx.Parent<CategorisationStageChange>().ChangedAtUtc, DateTimeKind.Utc))))
            .Field("changedBy", "Person", f => f
                .Description("The person who made the change, when the client named one (movedBy).")
                .Resolve(ctx => ctx.Parent<CategorisationStageChange>().ChangedByPersonId is { } id ? OrganisationModule.PersonById(ctx, id) : Task.FromResult<Person?>(null)))
            .Field(x => x.ChangedByEntraObjectId, null, f => f.Description(
                "The signed-in user's Entra ID object id (token claim oid). Always null until the API has Entra sign-in."))
            .Field(x => x.Note, null, f => f.Description("Evidence or reason given with the step.")));

        b.Object("CategorisationResult", t => t
            .Field("capacityEvidence", "String", f => f
                .Description("The evidence for the capacity judgement (step 2). Null for the published demo data.")
                .Resolve(ctx => ctx.Parent<CategorisationResult>().CapacityEvidence))
            .Field("agreedDate", "Date", f => f
                .Description("When the draft colour was agreed with the head and governors (set by the move to AGREED). Null for results loaded as published (the demo data).")
                .Resolve(ctx => ctx.Parent<CategorisationResult>().AgreedDate))
            .Field("stageHistory", "[CategorisationStageChange!]!", f => f
                .Description("The workflow steps recorded through recordCategorisation and moveCategorisationStage, oldest first. " +
                    "Empty for results loaded already published (the demo data and bulk loads): how they were moved was never recorded, " +
                    "so no history is invented for them.")
                .Resolve(ctx => StageHistoryOf(ctx, ctx.Parent<CategorisationResult>().Id))));
    }

    /// <summary>A categorisation's history, batched across all results of a list level (one SQL command).</summary>
    public static Task<IReadOnlyList<CategorisationStageChange>> StageHistoryOf(IResolverContext ctx, int categorisationId) =>
        ctx.LoadGroupAsync<int, CategorisationStageChange>("CategorisationResult.stageHistory", categorisationId,
            (db, keys, ct) => db.CategorisationStageChanges.Where(h => keys.Contains(h.CategorisationResultId))
                .OrderBy(h => h.CategorisationResultId).ThenBy(h => h.ChangedAtUtc).ThenBy(h => h.Id).ToListAsync(ct),
            h => h.CategorisationResultId);

    public static Task<CategorisationResult?> CategorisationById(IResolverContext ctx, int id) =>
        ctx.LoadOneAsync<int, CategorisationResult>("CategorisationResult.byId", id,
            (db, keys, ct) => db.CategorisationResults.Where(c => keys.Contains(c.Id)).ToListAsync(ct), c => c.Id);
}
