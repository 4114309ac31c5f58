using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SubscriptionPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class BillingLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every platform, new or existing, issues its documents in French until its admin chooses English.
            migrationBuilder.AddColumn<string>(
                name: "BillingLanguage",
                table: "Platforms",
                type: "TEXT",
                maxLength: 5,
                nullable: false,
                defaultValue: "fr-FR");

            // The documents issued so far were laid out in English (« Facture » as a subtitle); their stored bytes stay as they are.
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Documents",
                type: "TEXT",
                maxLength: 5,
                nullable: false,
                defaultValue: "en-GB");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BillingLanguage",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Documents");
        }
    }
}
