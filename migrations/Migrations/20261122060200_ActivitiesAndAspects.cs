using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SefData.Data;

namespace SefData.Migrations;

/// <summary>Group activities, Associate/IF activity logs, SEF aspects (empty: the red book list was not retrieved).</summary>
[DbContext(typeof(SefDataDbContext))]
[Migration("20261122060200_ActivitiesAndAspects")]
public sealed class ActivitiesAndAspects : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("SefAspects", t => new
        {
            ElementCode = t.Str(MigrationColumns.Code),
            Code = t.Str(MigrationColumns.Code),
            NameEn = t.Str(MigrationColumns.Name),
            SortOrder = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_SefAspects", x => new { x.ElementCode, x.Code });
            c.ForeignKey("FK_SefAspects_SefElements_ElementCode", x => x.ElementCode, "SefElements", "Code", onDelete: ReferentialAction.Restrict);
        });

        mb.CreateTable("ActivityLogs", t => new
        {
            Id = t.Identity(),
            PersonId = t.Int(),
            SchoolId = t.Int(nullable: true),
            Date = t.Date(),
            Hours = t.Dec(5, 2),
            Note = t.Str(null, nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ActivityLogs", x => x.Id);
            c.ForeignKey("FK_ActivityLogs_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            c.ForeignKey("FK_ActivityLogs_Schools_SchoolId", x => x.SchoolId, "Schools", "Id", onDelete: ReferentialAction.Restrict);
        });

        mb.CreateTable("GroupActivities", t => new
        {
            Id = t.Identity(),
            GroupId = t.Int(),
            Type = t.Str(MigrationColumns.Enum),
            Date = t.Date(),
            HostSchoolId = t.Int(nullable: true),
            Note = t.Str(null, nullable: true),
            Version = t.Int(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_GroupActivities", x => x.Id);
            c.ForeignKey("FK_GroupActivities_CollaborationGroups_GroupId", x => x.GroupId, "CollaborationGroups", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_GroupActivities_Schools_HostSchoolId", x => x.HostSchoolId, "Schools", "Id", onDelete: ReferentialAction.Restrict);
        });

        // Optional aspect of a rating; checked against SefAspects by the write rules, no foreign key while the list is empty.
        mb.AddColumn<string>("AspectCode", "SepRatings", maxLength: MigrationColumns.Code, nullable: true);

        mb.CreateIndex("IX_ActivityLogs_PersonId_Date", "ActivityLogs", ["PersonId", "Date"]);
        mb.CreateIndex("IX_ActivityLogs_SchoolId", "ActivityLogs", "SchoolId");
        mb.CreateIndex("IX_GroupActivities_GroupId_Date", "GroupActivities", ["GroupId", "Date"]);
        mb.CreateIndex("IX_GroupActivities_HostSchoolId", "GroupActivities", "HostSchoolId");
    }

    protected override void Down(MigrationBuilder mb)
    {
        mb.DropColumn("AspectCode", "SepRatings");
        mb.DropTable("GroupActivities");
        mb.DropTable("ActivityLogs");
        mb.DropTable("SefAspects");
    }
}
