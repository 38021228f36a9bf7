using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Slotflow.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "buffer_after",
                table: "humans",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "buffer_before",
                table: "humans",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "daily_booking_limit",
                table: "humans",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "minimum_notice",
                table: "humans",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "slot_interval",
                table: "humans",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "weekly_booking_limit",
                table: "humans",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "weekly_hours",
                table: "humans",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BlockedFrom",
                table: "bookings",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BlockedUntil",
                table: "bookings",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Rules set before these columns existed mean what they meant: no buffers, no notice (the other rules are
            // null, which is their default). A booking made before buffers blocks just its interval.
            migrationBuilder.Sql("UPDATE humans SET buffer_before = 0, buffer_after = 0, minimum_notice = 0 WHERE working_days IS NOT NULL;");
            migrationBuilder.Sql(@"UPDATE bookings SET BlockedFrom = StartsAt, BlockedUntil = EndsAt;");

            // The overlap backstop (OverlapBackstop) moves to the blocked windows (spec §10): at most 1200 minutes long,
            // and one that meets the new row's starts at most 960 minutes before it and 240 after it.
            migrationBuilder.Sql("""
                EXEC(N'ALTER TRIGGER bookings_no_overlap ON bookings AFTER INSERT, UPDATE AS
                BEGIN
                    SET NOCOUNT ON;
                    IF EXISTS (
                        SELECT 1 FROM inserted AS i
                        WHERE i.Status = ''Confirmed'' AND (DATEDIFF(minute, i.BlockedFrom, i.BlockedUntil) > 1200 OR EXISTS (
                            SELECT 1 FROM bookings AS b WITH (UPDLOCK, HOLDLOCK)
                            WHERE b.HumanId = i.HumanId AND b.Id <> i.Id AND b.Status = ''Confirmed''
                              AND b.StartsAt > DATEADD(minute, -960, i.BlockedFrom) AND b.StartsAt < DATEADD(minute, 240, i.BlockedUntil)
                              AND b.BlockedFrom < i.BlockedUntil AND i.BlockedFrom < b.BlockedUntil)))
                        THROW 50001, ''SLOTFLOW_BOOKING_OVERLAP'', 1;
                END;');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                EXEC(N'ALTER TRIGGER bookings_no_overlap ON bookings AFTER INSERT, UPDATE AS
                BEGIN
                    SET NOCOUNT ON;
                    IF EXISTS (
                        SELECT 1 FROM inserted AS i
                        WHERE i.Status = ''Confirmed'' AND (DATEDIFF(minute, i.StartsAt, i.EndsAt) > 720 OR EXISTS (
                            SELECT 1 FROM bookings AS b WITH (UPDLOCK, HOLDLOCK)
                            WHERE b.HumanId = i.HumanId AND b.Id <> i.Id AND b.Status = ''Confirmed''
                              AND b.StartsAt > DATEADD(minute, -720, i.StartsAt)
                              AND b.StartsAt < i.EndsAt AND i.StartsAt < b.EndsAt)))
                        THROW 50001, ''SLOTFLOW_BOOKING_OVERLAP'', 1;
                END;');
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
