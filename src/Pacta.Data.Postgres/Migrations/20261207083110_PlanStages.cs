using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pacta.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PlanStages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StageProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanNumber = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    To = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ProposedByOrganization = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ProposedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Reason_En = table.Column<string>(type: "text", nullable: true),
                    Reason_Es = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageProposals", x => x.Id);
                    table.UniqueConstraint("AK_StageProposals_PlanNumber_Number", x => new { x.PlanNumber, x.Number });
                    table.ForeignKey(
                        name: "FK_StageProposals_ActionPlans_PlanNumber",
                        column: x => x.PlanNumber,
                        principalTable: "ActionPlans",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StageVotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanNumber = table.Column<int>(type: "integer", nullable: false),
                    ProposalNumber = table.Column<int>(type: "integer", nullable: false),
                    PartyKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Organization = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Decision = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AppointmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    CredentialId = table.Column<byte[]>(type: "bytea", maxLength: 1024, nullable: false),
                    RelyingPartyId = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    AuthenticatorData = table.Column<byte[]>(type: "bytea", nullable: false),
                    ClientDataJson = table.Column<byte[]>(type: "bytea", nullable: false),
                    Signature = table.Column<byte[]>(type: "bytea", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UnitKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StageVotes_StageProposals_PlanNumber_ProposalNumber",
                        columns: x => new { x.PlanNumber, x.ProposalNumber },
                        principalTable: "StageProposals",
                        principalColumns: new[] { "PlanNumber", "Number" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StageVotes_PlanNumber_ProposalNumber_PartyKey_UnitKey",
                table: "StageVotes",
                columns: new[] { "PlanNumber", "ProposalNumber", "PartyKey", "UnitKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StageVotes");

            migrationBuilder.DropTable(
                name: "StageProposals");
        }
    }
}
