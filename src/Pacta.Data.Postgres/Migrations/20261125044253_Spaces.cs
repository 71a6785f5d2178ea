using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pacta.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Spaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PartySpaceKeys",
                columns: table => new
                {
                    PartyKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartySpaceKeys", x => x.PartyKey);
                    table.ForeignKey(
                        name: "FK_PartySpaceKeys_Parties_PartyKey",
                        column: x => x.PartyKey,
                        principalTable: "Parties",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpaceDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    SealedName = table.Column<byte[]>(type: "bytea", nullable: false),
                    SealedContent = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpaceDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpaceDocuments_AspNetUsers_UploadedBy",
                        column: x => x.UploadedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SpaceDocuments_Parties_PartyKey",
                        column: x => x.PartyKey,
                        principalTable: "Parties",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpaceThreads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SealedTitle = table.Column<byte[]>(type: "bytea", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastActivityAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpaceThreads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpaceThreads_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SpaceThreads_Parties_PartyKey",
                        column: x => x.PartyKey,
                        principalTable: "Parties",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncidentReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SealedFacts = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentReports_Parties_PartyKey",
                        column: x => x.PartyKey,
                        principalTable: "Parties",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IncidentReports_SpaceThreads_Id",
                        column: x => x.Id,
                        principalTable: "SpaceThreads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpaceComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ThreadId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SealedBody = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpaceComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpaceComments_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SpaceComments_SpaceThreads_ThreadId",
                        column: x => x.ThreadId,
                        principalTable: "SpaceThreads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublishedIncidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Category = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    SummaryEs = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SummaryEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedIncidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublishedIncidents_IncidentReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "IncidentReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublishedIncidents_Parties_PartyKey",
                        column: x => x.PartyKey,
                        principalTable: "Parties",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentReports_PartyKey",
                table: "IncidentReports",
                column: "PartyKey");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedIncidents_PartyKey_Month",
                table: "PublishedIncidents",
                columns: new[] { "PartyKey", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedIncidents_ReportId",
                table: "PublishedIncidents",
                column: "ReportId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpaceComments_AuthorId",
                table: "SpaceComments",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_SpaceComments_ThreadId_CreatedAt",
                table: "SpaceComments",
                columns: new[] { "ThreadId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SpaceDocuments_PartyKey_UploadedAt",
                table: "SpaceDocuments",
                columns: new[] { "PartyKey", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SpaceDocuments_UploadedBy",
                table: "SpaceDocuments",
                column: "UploadedBy");

            migrationBuilder.CreateIndex(
                name: "IX_SpaceThreads_AuthorId",
                table: "SpaceThreads",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_SpaceThreads_PartyKey_LastActivityAt",
                table: "SpaceThreads",
                columns: new[] { "PartyKey", "LastActivityAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PartySpaceKeys");

            migrationBuilder.DropTable(
                name: "PublishedIncidents");

            migrationBuilder.DropTable(
                name: "SpaceComments");

            migrationBuilder.DropTable(
                name: "SpaceDocuments");

            migrationBuilder.DropTable(
                name: "IncidentReports");

            migrationBuilder.DropTable(
                name: "SpaceThreads");
        }
    }
}
