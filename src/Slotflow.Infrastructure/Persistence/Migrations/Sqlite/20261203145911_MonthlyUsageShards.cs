using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Slotflow.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MonthlyUsageShards : Migration
    {
        // SQLite cannot change a primary key in place. EF Core would rebuild the table with foreign keys switched off,
        // which cannot run in the migration's transaction; nothing refers to monthly_usage, so the rebuild below can.

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "monthly_usage_new" (
                    "OrganizationId" TEXT NOT NULL,
                    "Month" INTEGER NOT NULL,
                    "Shard" INTEGER NOT NULL,
                    "Allowance" INTEGER NOT NULL,
                    "Bookings" INTEGER NOT NULL,
                    "ExtraAllowance" INTEGER NOT NULL,
                    "OrganizationVersion" INTEGER NOT NULL,
                    CONSTRAINT "PK_monthly_usage" PRIMARY KEY ("OrganizationId", "Month", "Shard"),
                    CONSTRAINT "FK_monthly_usage_organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "organizations" ("Id") ON DELETE CASCADE
                );
                INSERT INTO "monthly_usage_new" ("OrganizationId", "Month", "Shard", "Allowance", "Bookings", "ExtraAllowance", "OrganizationVersion")
                SELECT "OrganizationId", "Month", 0, 0, "Bookings", "ExtraAllowance", 0 FROM "monthly_usage";
                DROP TABLE "monthly_usage";
                ALTER TABLE "monthly_usage_new" RENAME TO "monthly_usage";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to one row per organization and month, with the month's totals.
            migrationBuilder.Sql("""
                CREATE TABLE "monthly_usage_new" (
                    "OrganizationId" TEXT NOT NULL,
                    "Month" INTEGER NOT NULL,
                    "Bookings" INTEGER NOT NULL,
                    "ExtraAllowance" INTEGER NOT NULL,
                    CONSTRAINT "PK_monthly_usage" PRIMARY KEY ("OrganizationId", "Month"),
                    CONSTRAINT "FK_monthly_usage_organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "organizations" ("Id") ON DELETE CASCADE
                );
                INSERT INTO "monthly_usage_new" ("OrganizationId", "Month", "Bookings", "ExtraAllowance")
                SELECT "OrganizationId", "Month", SUM("Bookings"), SUM("ExtraAllowance") FROM "monthly_usage" GROUP BY "OrganizationId", "Month";
                DROP TABLE "monthly_usage";
                ALTER TABLE "monthly_usage_new" RENAME TO "monthly_usage";
                """);
        }
    }
}
