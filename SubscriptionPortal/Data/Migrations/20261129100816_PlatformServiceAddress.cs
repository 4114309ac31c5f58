using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SubscriptionPortal.Data.Migrations
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
                type: "TEXT",
                maxLength: 302,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceCity",
                table: "Platforms",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceCountry",
                table: "Platforms",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServicePostalCode",
                table: "Platforms",
                type: "TEXT",
                maxLength: 16,
                nullable: true);
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
