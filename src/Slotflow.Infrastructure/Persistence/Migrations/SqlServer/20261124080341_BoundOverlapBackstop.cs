using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Slotflow.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class BoundOverlapBackstop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The same refusal, but the look-up reaches back only the longest allowed booking (720 minutes), so the
            // index seeks (and range-locks) only the keys that can overlap; a longer confirmed booking is refused
            // outright, which keeps the bound exact. In EXEC for the same reason as the trigger's creation.
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
                        JOIN bookings AS b WITH (UPDLOCK, HOLDLOCK)
                          ON b.HumanId = i.HumanId AND b.Id <> i.Id
                        WHERE i.Status = ''Confirmed'' AND b.Status = ''Confirmed''
                          AND b.StartsAt < i.EndsAt AND i.StartsAt < b.EndsAt)
                        THROW 50001, ''SLOTFLOW_BOOKING_OVERLAP'', 1;
                END;');
                """);
        }
    }
}
