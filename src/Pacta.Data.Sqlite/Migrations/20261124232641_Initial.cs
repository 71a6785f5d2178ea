using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pacta.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActionPlans",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodFrom = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    PeriodTo = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ExtendedTo = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ConsultationFrom = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ConsultationTo = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    OnlineParticipants = table.Column<int>(type: "INTEGER", nullable: true),
                    InPersonParticipants = table.Column<int>(type: "INTEGER", nullable: true),
                    IrmRelevantToOgpValues = table.Column<int>(type: "INTEGER", nullable: true),
                    IrmTransformative = table.Column<int>(type: "INTEGER", nullable: true),
                    IrmEarlyResultsMarginal = table.Column<int>(type: "INTEGER", nullable: true),
                    IrmEarlyResultsMajor = table.Column<int>(type: "INTEGER", nullable: true),
                    IrmEarlyResultsOutstanding = table.Column<int>(type: "INTEGER", nullable: true),
                    IrmEarlyResultsNoEvidence = table.Column<int>(type: "INTEGER", nullable: true),
                    Fictional = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Title_En = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Es = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlans", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "Forums",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OgpMemberSince = table.Column<int>(type: "INTEGER", nullable: true),
                    FoundingMember = table.Column<bool>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: true),
                    FormerName_En = table.Column<string>(type: "TEXT", nullable: true),
                    FormerName_Es = table.Column<string>(type: "TEXT", nullable: true),
                    MemberName_En = table.Column<string>(type: "TEXT", nullable: true),
                    MemberName_Es = table.Column<string>(type: "TEXT", nullable: true),
                    Name_En = table.Column<string>(type: "TEXT", nullable: true),
                    Name_Es = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Forums", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Parties",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DecisionRule = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name_En = table.Column<string>(type: "TEXT", nullable: true),
                    Name_Es = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Parties", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Organizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PartyKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Fictional = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name_En = table.Column<string>(type: "TEXT", nullable: true),
                    Name_Es = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organizations_Parties_PartyKey",
                        column: x => x.PartyKey,
                        principalTable: "Parties",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ParticipationChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Date = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Grounds = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipationChanges_Parties_PartyKey",
                        column: x => x.PartyKey,
                        principalTable: "Parties",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Commitments",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PlanNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyArea = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OgpValues = table.Column<string>(type: "TEXT", nullable: true),
                    LeadOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartDate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    EndDate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ShortTermDeadline = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Verifiable = table.Column<bool>(type: "INTEGER", nullable: true),
                    Provenance = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Objective_En = table.Column<string>(type: "TEXT", nullable: true),
                    Objective_Es = table.Column<string>(type: "TEXT", nullable: true),
                    Problem_En = table.Column<string>(type: "TEXT", nullable: true),
                    Problem_Es = table.Column<string>(type: "TEXT", nullable: true),
                    StatusQuo_En = table.Column<string>(type: "TEXT", nullable: true),
                    StatusQuo_Es = table.Column<string>(type: "TEXT", nullable: true),
                    Title_En = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Es = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commitments", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Commitments_ActionPlans_PlanNumber",
                        column: x => x.PlanNumber,
                        principalTable: "ActionPlans",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commitments_Organizations_LeadOrganizationId",
                        column: x => x.LeadOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Milestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitmentCode = table.Column<string>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponsibleOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartDate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    EndDate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    Title_En = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Es = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Milestones_Commitments_CommitmentCode",
                        column: x => x.CommitmentCode,
                        principalTable: "Commitments",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Milestones_Organizations_ResponsibleOrganizationId",
                        column: x => x.ResponsibleOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupportingInstitutions",
                columns: table => new
                {
                    CommitmentCode = table.Column<string>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportingInstitutions", x => new { x.CommitmentCode, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_SupportingInstitutions_Commitments_CommitmentCode",
                        column: x => x.CommitmentCode,
                        principalTable: "Commitments",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupportingInstitutions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_LeadOrganizationId",
                table: "Commitments",
                column: "LeadOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_PlanNumber_Position",
                table: "Commitments",
                columns: new[] { "PlanNumber", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_CommitmentCode_Number",
                table: "Milestones",
                columns: new[] { "CommitmentCode", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_ResponsibleOrganizationId",
                table: "Milestones",
                column: "ResponsibleOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_PartyKey",
                table: "Organizations",
                column: "PartyKey");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_ShortName",
                table: "Organizations",
                column: "ShortName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationChanges_PartyKey_Date_Status",
                table: "ParticipationChanges",
                columns: new[] { "PartyKey", "Date", "Status" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportingInstitutions_OrganizationId",
                table: "SupportingInstitutions",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Forums");

            migrationBuilder.DropTable(
                name: "Milestones");

            migrationBuilder.DropTable(
                name: "ParticipationChanges");

            migrationBuilder.DropTable(
                name: "SupportingInstitutions");

            migrationBuilder.DropTable(
                name: "Commitments");

            migrationBuilder.DropTable(
                name: "ActionPlans");

            migrationBuilder.DropTable(
                name: "Organizations");

            migrationBuilder.DropTable(
                name: "Parties");
        }
    }
}
