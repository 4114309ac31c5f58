using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SubscriptionPortal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlatformServiceAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ServiceAddressLine",
                table: "Platforms",
                type: "character varying(302)",
                maxLength: 302,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ServiceCity",
                table: "Platforms",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ServiceCountry",
                table: "Platforms",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ServicePostalCode",
                table: "Platforms",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true,
                collation: "C");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ServiceAddressLine",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "ServiceCity",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "ServiceCountry",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "ServicePostalCode",
                table: "Platforms");
        }
    }
}
