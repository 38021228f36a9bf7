using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Slotflow.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MonthlyUsageShards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_monthly_usage",
                table: "monthly_usage");

            migrationBuilder.AddColumn<int>(
                name: "Shard",
                table: "monthly_usage",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Allowance",
                table: "monthly_usage",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "OrganizationVersion",
                table: "monthly_usage",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_monthly_usage",
                table: "monthly_usage",
                columns: new[] { "OrganizationId", "Month", "Shard" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to one row per organization and month: row 0 takes the month's totals.
            migrationBuilder.Sql("UPDATE monthly_usage SET Bookings = (SELECT SUM(s.Bookings) FROM monthly_usage AS s WHERE s.OrganizationId = monthly_usage.OrganizationId AND s.Month = monthly_usage.Month), ExtraAllowance = (SELECT SUM(s.ExtraAllowance) FROM monthly_usage AS s WHERE s.OrganizationId = monthly_usage.OrganizationId AND s.Month = monthly_usage.Month) WHERE Shard = 0; DELETE FROM monthly_usage WHERE Shard <> 0;");

            migrationBuilder.DropPrimaryKey(
                name: "PK_monthly_usage",
                table: "monthly_usage");

            migrationBuilder.DropColumn(
                name: "Shard",
                table: "monthly_usage");

            migrationBuilder.DropColumn(
                name: "Allowance",
                table: "monthly_usage");

            migrationBuilder.DropColumn(
                name: "OrganizationVersion",
                table: "monthly_usage");

            migrationBuilder.AddPrimaryKey(
                name: "PK_monthly_usage",
                table: "monthly_usage",
                columns: new[] { "OrganizationId", "Month" });
        }
    }
}
