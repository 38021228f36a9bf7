using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Slotflow.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BookingWindowsInIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_bookings_HumanId_Status_StartsAt",
                table: "bookings");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_HumanId_Status_StartsAt_BlockedFrom_BlockedUntil",
                table: "bookings",
                columns: new[] { "HumanId", "Status", "StartsAt", "BlockedFrom", "BlockedUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_bookings_HumanId_Status_StartsAt_BlockedFrom_BlockedUntil",
                table: "bookings");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_HumanId_Status_StartsAt",
                table: "bookings",
                columns: new[] { "HumanId", "Status", "StartsAt" });
        }
    }
}
