using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pacta.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Agreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AgreedVersion",
                table: "Commitments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreedVersionHash",
                table: "Commitments",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "Commitments",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WorkingTableId",
                table: "Commitments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommitmentVersions",
                columns: table => new
                {
                    CommitmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ProposedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedByOrganization = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    AgreedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Effect_En = table.Column<string>(type: "TEXT", nullable: true),
                    Effect_Es = table.Column<string>(type: "TEXT", nullable: true),
                    Reason_En = table.Column<string>(type: "TEXT", nullable: true),
                    Reason_Es = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentVersions", x => new { x.CommitmentCode, x.Number });
                    table.ForeignKey(
                        name: "FK_CommitmentVersions_Commitments_CommitmentCode",
                        column: x => x.CommitmentCode,
                        principalTable: "Commitments",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkingTables",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    OpenedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Theme_En = table.Column<string>(type: "TEXT", nullable: true),
                    Theme_Es = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkingTables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkingTables_ActionPlans_PlanNumber",
                        column: x => x.PlanNumber,
                        principalTable: "ActionPlans",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Votes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    PartyKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Organization = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AppointmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CredentialId = table.Column<byte[]>(type: "BLOB", maxLength: 1024, nullable: false),
                    RelyingPartyId = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    AuthenticatorData = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ClientDataJson = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Signature = table.Column<byte[]>(type: "BLOB", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UnitKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Votes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Votes_CommitmentVersions_CommitmentCode_VersionNumber",
                        columns: x => new { x.CommitmentCode, x.VersionNumber },
                        principalTable: "CommitmentVersions",
                        principalColumns: new[] { "CommitmentCode", "Number" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TableSeats",
                columns: table => new
                {
                    TableId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TableSeats", x => new { x.TableId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_TableSeats_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TableSeats_WorkingTables_TableId",
                        column: x => x.TableId,
                        principalTable: "WorkingTables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_WorkingTableId",
                table: "Commitments",
                column: "WorkingTableId");

            migrationBuilder.CreateIndex(
                name: "IX_TableSeats_MemberId",
                table: "TableSeats",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Votes_CommitmentCode_VersionNumber_PartyKey_UnitKey",
                table: "Votes",
                columns: new[] { "CommitmentCode", "VersionNumber", "PartyKey", "UnitKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkingTables_PlanNumber",
                table: "WorkingTables",
                column: "PlanNumber");

            migrationBuilder.AddForeignKey(
                name: "FK_Commitments_WorkingTables_WorkingTableId",
                table: "Commitments",
                column: "WorkingTableId",
                principalTable: "WorkingTables",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Commitments_WorkingTables_WorkingTableId",
                table: "Commitments");

            migrationBuilder.DropTable(
                name: "TableSeats");

            migrationBuilder.DropTable(
                name: "Votes");

            migrationBuilder.DropTable(
                name: "WorkingTables");

            migrationBuilder.DropTable(
                name: "CommitmentVersions");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_WorkingTableId",
                table: "Commitments");

            migrationBuilder.DropColumn(
                name: "AgreedVersion",
                table: "Commitments");

            migrationBuilder.DropColumn(
                name: "AgreedVersionHash",
                table: "Commitments");

            migrationBuilder.DropColumn(
                name: "State",
                table: "Commitments");

            migrationBuilder.DropColumn(
                name: "WorkingTableId",
                table: "Commitments");
        }
    }
}
