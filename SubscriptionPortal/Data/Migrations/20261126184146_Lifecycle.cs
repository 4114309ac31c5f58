using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SubscriptionPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Lifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DirectDebits_InvoiceId",
                table: "DirectDebits");

            migrationBuilder.AddColumn<DateOnly>(
                name: "EndedOn",
                table: "Subscriptions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAtUtc",
                table: "Platforms",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CreationKey",
                table: "Platforms",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AnsweredAtUtc",
                table: "DirectDebits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FileId",
                table: "DirectDebits",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReasonCode",
                table: "DirectDebits",
                type: "TEXT",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RetryOfDebitId",
                table: "DirectDebits",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SequenceCode",
                table: "DirectDebits",
                type: "TEXT",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAtUtc",
                table: "DirectDebits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DirectDebitFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TransactionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ControlSumCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectDebitFiles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Platforms_CreationKey",
                table: "Platforms",
                column: "CreationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectDebits_FileId",
                table: "DirectDebits",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectDebits_InvoiceId",
                table: "DirectDebits",
                column: "InvoiceId",
                unique: true,
                filter: "\"Status\" <> 3");

            migrationBuilder.CreateIndex(
                name: "IX_DirectDebits_RetryOfDebitId",
                table: "DirectDebits",
                column: "RetryOfDebitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectDebitFiles_MessageId",
                table: "DirectDebitFiles",
                column: "MessageId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_DirectDebits_DirectDebitFiles_FileId",
                table: "DirectDebits",
                column: "FileId",
                principalTable: "DirectDebitFiles",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_DirectDebits_DirectDebits_RetryOfDebitId",
                table: "DirectDebits",
                column: "RetryOfDebitId",
                principalTable: "DirectDebits",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DirectDebits_DirectDebitFiles_FileId",
                table: "DirectDebits");

            migrationBuilder.DropForeignKey(
                name: "FK_DirectDebits_DirectDebits_RetryOfDebitId",
                table: "DirectDebits");

            migrationBuilder.DropTable(
                name: "DirectDebitFiles");

            migrationBuilder.DropIndex(
                name: "IX_Platforms_CreationKey",
                table: "Platforms");

            migrationBuilder.DropIndex(
                name: "IX_DirectDebits_FileId",
                table: "DirectDebits");

            migrationBuilder.DropIndex(
                name: "IX_DirectDebits_InvoiceId",
                table: "DirectDebits");

            migrationBuilder.DropIndex(
                name: "IX_DirectDebits_RetryOfDebitId",
                table: "DirectDebits");

            migrationBuilder.DropColumn(
                name: "EndedOn",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "ClosedAtUtc",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "CreationKey",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "AnsweredAtUtc",
                table: "DirectDebits");

            migrationBuilder.DropColumn(
                name: "FileId",
                table: "DirectDebits");

            migrationBuilder.DropColumn(
                name: "ReasonCode",
                table: "DirectDebits");

            migrationBuilder.DropColumn(
                name: "RetryOfDebitId",
                table: "DirectDebits");

            migrationBuilder.DropColumn(
                name: "SequenceCode",
                table: "DirectDebits");

            migrationBuilder.DropColumn(
                name: "SubmittedAtUtc",
                table: "DirectDebits");

            migrationBuilder.CreateIndex(
                name: "IX_DirectDebits_InvoiceId",
                table: "DirectDebits",
                column: "InvoiceId",
                unique: true);
        }
    }
}
