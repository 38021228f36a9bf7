using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Slotflow.Infrastructure.Persistence.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "buffer_after",
                table: "humans",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "buffer_before",
                table: "humans",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "daily_booking_limit",
                table: "humans",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "minimum_notice",
                table: "humans",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "slot_interval",
                table: "humans",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "weekly_booking_limit",
                table: "humans",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "weekly_hours",
                table: "humans",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BlockedFrom",
                table: "bookings",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BlockedUntil",
                table: "bookings",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Rules set before these columns existed mean what they meant: no buffers, no notice (the other rules are
            // null, which is their default). A booking made before buffers blocks just its interval.
            migrationBuilder.Sql("UPDATE humans SET buffer_before = 0, buffer_after = 0, minimum_notice = 0 WHERE working_days IS NOT NULL;");
            migrationBuilder.Sql(@"UPDATE bookings SET ""BlockedFrom"" = ""StartsAt"", ""BlockedUntil"" = ""EndsAt"";");

            // The overlap backstop (OverlapBackstop) moves to the blocked windows (spec §10).
            migrationBuilder.Sql("ALTER TABLE bookings DROP CONSTRAINT IF EXISTS bookings_no_overlap;");
            migrationBuilder.Sql("""
                ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap
                EXCLUDE USING gist ("HumanId" WITH =, tstzrange("BlockedFrom", "BlockedUntil", '[)') WITH &&)
                WHERE ("Status" = 'Confirmed');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE bookings DROP CONSTRAINT IF EXISTS bookings_no_overlap;");
            migrationBuilder.Sql("""
                ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap
                EXCLUDE USING gist ("HumanId" WITH =, tstzrange("StartsAt", "EndsAt", '[)') WITH &&)
                WHERE ("Status" = 'Confirmed');
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
