using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SubscriptionPortal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrganizationVatNumberAndRna : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Rna",
                table: "Platforms",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "VatNumber",
                table: "Platforms",
                type: "character varying(13)",
                maxLength: 13,
                nullable: true,
                collation: "C");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Rna",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "VatNumber",
                table: "Platforms");
        }
    }
}
