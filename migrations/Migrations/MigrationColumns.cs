using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace SefData.Migrations;

/// <summary>
/// Column shorthands for the hand-written migrations. No store types are named: each provider maps the CLR type,
/// length and precision itself, so one migration set serves SQLite and PostgreSQL.
/// </summary>
internal static class MigrationColumns
{
    public const int Code = 32;
    public const int Name = 200;
    public const int Enum = 32;
    public const int Year = 7;
    public const int La = 3;

    /// <summary>Surrogate identity key: annotations for both providers side by side, each ignores the other's.</summary>
    public static OperationBuilder<AddColumnOperation> Identity(this ColumnsBuilder t) =>
        t.Column<int>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    public static OperationBuilder<AddColumnOperation> Str(this ColumnsBuilder t, int? maxLength, bool nullable = false) =>
        t.Column<string>(maxLength: maxLength, nullable: nullable);

    public static OperationBuilder<AddColumnOperation> Int(this ColumnsBuilder t, bool nullable = false) =>
        nullable ? t.Column<int?>(nullable: true) : t.Column<int>(nullable: false);

    public static OperationBuilder<AddColumnOperation> Bool(this ColumnsBuilder t) => t.Column<bool>(nullable: false);

    public static OperationBuilder<AddColumnOperation> Date(this ColumnsBuilder t, bool nullable = false) =>
        nullable ? t.Column<DateOnly?>(nullable: true) : t.Column<DateOnly>(nullable: false);

    public static OperationBuilder<AddColumnOperation> Dec(this ColumnsBuilder t, int precision, int scale, bool nullable = false) =>
        nullable ? t.Column<decimal?>(precision: precision, scale: scale, nullable: true)
                 : t.Column<decimal>(precision: precision, scale: scale, nullable: false);

    /// <summary>
    /// Drops a plain column (no index, key or constraint on it) with standard SQL that SQLite (3.35+) and PostgreSQL
    /// both accept. EF's DropColumn needs a target model on SQLite (a table rebuild), which hand-written migrations lack.
    /// </summary>
    public static void DropPlainColumn(this MigrationBuilder mb, string table, string column) =>
        mb.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"{column}\"");
}
