using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pacta.Data.Postgres.Migrations
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
                type: "text",
                nullable: false,
                defaultValue: "");

            // Entries stored before this column existed: their subject is in their own bytes.
            migrationBuilder.Sql("""
                UPDATE "RecordEntries" SET "Subject" = convert_from("Bytes", 'UTF8')::jsonb ->> 'subject';
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
