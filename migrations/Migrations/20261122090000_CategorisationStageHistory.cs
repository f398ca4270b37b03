using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SefData.Data;

namespace SefData.Migrations;

/// <summary>
/// Categorisation workflow history (who moved a result to which stage, when, why; Entra object id seam), the
/// adviser's capacity evidence and the date the draft colour was agreed with the head and governors.
/// Existing (published) results get no history rows: nothing is known about how they were moved.
/// </summary>
[DbContext(typeof(SefDataDbContext))]
[Migration("20261122090000_CategorisationStageHistory")]
public sealed class CategorisationStageHistory : Migration
{
    private const int EvidenceLength = 4000;   // CategorisationResult.CapacityEvidenceMaxLength
    private const int NoteLength = 2000;       // CategorisationStageChange.NoteMaxLength
    private const int EntraObjectIdLength = 36; // a GUID, CategorisationStageChange.EntraObjectIdLength

    protected override void Up(MigrationBuilder mb)
    {
        mb.AddColumn<string>("CapacityEvidence", "CategorisationResults", maxLength: EvidenceLength, nullable: true);
        mb.AddColumn<DateOnly>("AgreedDate", "CategorisationResults", nullable: true);

        mb.CreateTable("CategorisationStageChanges", t => new
        {
            Id = t.Identity(),
            CategorisationResultId = t.Int(),
            FromStage = t.Str(MigrationColumns.Enum, nullable: true),
            ToStage = t.Str(MigrationColumns.Enum),
            ColourBefore = t.Str(MigrationColumns.Enum, nullable: true),
            ColourAfter = t.Str(MigrationColumns.Enum),
            ChangedAtUtc = t.Column<DateTime>(nullable: false),
            ChangedByPersonId = t.Int(nullable: true),
            ChangedByEntraObjectId = t.Str(EntraObjectIdLength, nullable: true),
            Note = t.Str(NoteLength, nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_CategorisationStageChanges", x => x.Id);
            // Named in the model too: the default names exceed PostgreSQL's 63 characters.
            c.ForeignKey("FK_CategorisationStageChanges_CategorisationResults", x => x.CategorisationResultId,
                "CategorisationResults", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_CategorisationStageChanges_People_ChangedByPersonId", x => x.ChangedByPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
        });

        mb.CreateIndex("IX_CategorisationStageChanges_Result_ChangedAt", "CategorisationStageChanges", ["CategorisationResultId", "ChangedAtUtc"]);
        mb.CreateIndex("IX_CategorisationStageChanges_ChangedByPersonId", "CategorisationStageChanges", "ChangedByPersonId");
    }

    protected override void Down(MigrationBuilder mb)
    {
        mb.DropTable("CategorisationStageChanges");
        mb.DropPlainColumn("CategorisationResults", "AgreedDate");
        mb.DropPlainColumn("CategorisationResults", "CapacityEvidence");
    }
}
