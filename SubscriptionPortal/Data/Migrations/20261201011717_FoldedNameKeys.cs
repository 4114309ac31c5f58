using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SubscriptionPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class FoldedNameKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Platforms_Name",
                table: "Platforms");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_PlatformId_IsArchived",
                table: "Contacts");

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "Platforms",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "FirstNameKey",
                table: "Contacts",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LastNameKey",
                table: "Contacts",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Platforms_NameKey",
                table: "Platforms",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_PlatformId_IsArchived_LastNameKey_FirstNameKey",
                table: "Contacts",
                columns: new[] { "PlatformId", "IsArchived", "LastNameKey", "FirstNameKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Platforms_NameKey",
                table: "Platforms");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_PlatformId_IsArchived_LastNameKey_FirstNameKey",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "FirstNameKey",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "LastNameKey",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Platforms_Name",
                table: "Platforms",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_PlatformId_IsArchived",
                table: "Contacts",
                columns: new[] { "PlatformId", "IsArchived" });
        }
    }
}
