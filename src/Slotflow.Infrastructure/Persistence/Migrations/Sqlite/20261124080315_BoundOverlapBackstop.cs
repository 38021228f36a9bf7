using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Slotflow.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BoundOverlapBackstop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The same refusal, but the look-up reaches back only the longest allowed booking (720 minutes, in the
            // UTC ticks SQLite stores), so the index seeks instead of scanning every earlier booking of the human. A
            // longer confirmed booking is refused outright, which keeps the bound exact.
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS bookings_no_overlap;");
            migrationBuilder.Sql("""
                CREATE TRIGGER bookings_no_overlap
                BEFORE INSERT ON bookings
                WHEN NEW."Status" = 'Confirmed' AND EXISTS (
                    SELECT 1 FROM bookings
                    WHERE "HumanId" = NEW."HumanId" AND "Status" = 'Confirmed'
                      AND "StartsAt" < NEW."EndsAt" AND NEW."StartsAt" < "EndsAt")
                BEGIN
                    SELECT RAISE(ABORT, 'SLOTFLOW_BOOKING_OVERLAP');
                END;
                """);
        }
    }
}
