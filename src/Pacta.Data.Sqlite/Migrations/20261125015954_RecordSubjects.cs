using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pacta.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RecordSubjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "RecordEntries",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Entries stored before this column existed: their subject is in their own bytes.
            migrationBuilder.Sql("""
                UPDATE "RecordEntries" SET "Subject" = json_extract(CAST("Bytes" AS TEXT), '$.subject');
                """);

            migrationBuilder.CreateIndex(
                name: "IX_RecordEntries_Subject_Index",
                table: "RecordEntries",
                columns: new[] { "Subject", "Index" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RecordEntries_Subject_Index",
                table: "RecordEntries");

            migrationBuilder.DropColumn(
                name: "Subject",
                table: "RecordEntries");
        }
    }
}
