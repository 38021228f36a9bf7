using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Slotflow.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SchedulingRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "booking_horizon_days",
                table: "humans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "buffer_after",
                table: "humans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "buffer_before",
                table: "humans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "daily_booking_limit",
                table: "humans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "minimum_notice",
                table: "humans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "slot_interval",
                table: "humans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "weekly_booking_limit",
                table: "humans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "weekly_hours",
                table: "humans",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "BlockedFrom",
                table: "bookings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "BlockedUntil",
                table: "bookings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Rules set before these columns existed mean what they meant: no buffers, no notice (the other rules are
            // null, which is their default). A booking made before buffers blocks just its interval.
            migrationBuilder.Sql("UPDATE humans SET buffer_before = 0, buffer_after = 0, minimum_notice = 0 WHERE working_days IS NOT NULL;");
            migrationBuilder.Sql(@"UPDATE bookings SET ""BlockedFrom"" = ""StartsAt"", ""BlockedUntil"" = ""EndsAt"";");

            // The overlap backstop (OverlapBackstop) moves to the blocked windows (spec §10). Instants are UTC ticks: a
            // blocked window is at most 1200 minutes (720000000000 ticks); one that meets NEW's starts at most 960
            // minutes before it and 240 after it, bounds on StartsAt so the trigger seeks the index.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS bookings_no_overlap;");
            migrationBuilder.Sql("""
                CREATE TRIGGER bookings_no_overlap
                BEFORE INSERT ON bookings
                WHEN NEW."Status" = 'Confirmed' AND (NEW."BlockedUntil" - NEW."BlockedFrom" > 720000000000 OR EXISTS (
                    SELECT 1 FROM bookings
                    WHERE "HumanId" = NEW."HumanId" AND "Status" = 'Confirmed'
                      AND "StartsAt" > NEW."BlockedFrom" - 576000000000 AND "StartsAt" < NEW."BlockedUntil" + 144000000000
                      AND "BlockedFrom" < NEW."BlockedUntil" AND NEW."BlockedFrom" < "BlockedUntil"))
                BEGIN
                    SELECT RAISE(ABORT, 'SLOTFLOW_BOOKING_OVERLAP');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS bookings_no_overlap;");
            migrationBuilder.Sql("""
                CREATE TRIGGER bookings_no_overlap
                BEFORE INSERT ON bookings
                WHEN NEW."Status" = 'Confirmed' AND (NEW."EndsAt" - NEW."StartsAt" > 432000000000 OR EXISTS (
                    SELECT 1 FROM bookings
                    WHERE "HumanId" = NEW."HumanId" AND "Status" = 'Confirmed'
                      AND "StartsAt" > NEW."StartsAt" - 432000000000
                      AND "StartsAt" < NEW."EndsAt" AND NEW."StartsAt" < "EndsAt"))
                BEGIN
                    SELECT RAISE(ABORT, 'SLOTFLOW_BOOKING_OVERLAP');
                END;
                """);

            migrationBuilder.DropColumn(
                name: "booking_horizon_days",
                table: "humans");

            migrationBuilder.DropColumn(
                name: "buffer_after",
                table: "humans");

            migrationBuilder.DropColumn(
                name: "buffer_before",
                table: "humans");

            migrationBuilder.DropColumn(
                name: "daily_booking_limit",
                table: "humans");

            migrationBuilder.DropColumn(
                name: "minimum_notice",
                table: "humans");

            migrationBuilder.DropColumn(
                name: "slot_interval",
                table: "humans");

            migrationBuilder.DropColumn(
                name: "weekly_booking_limit",
                table: "humans");

            migrationBuilder.DropColumn(
                name: "weekly_hours",
                table: "humans");

            migrationBuilder.DropColumn(
                name: "BlockedFrom",
                table: "bookings");

            migrationBuilder.DropColumn(
                name: "BlockedUntil",
                table: "bookings");
        }
    }
}
