using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Slotflow.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddScheduleOverrides : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "schedule_overrides",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HumanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    start_minute = table.Column<int>(type: "INTEGER", nullable: true),
                    end_minute = table.Column<int>(type: "INTEGER", nullable: true),
                    recurrence_freq = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    recurrence_interval = table.Column<int>(type: "INTEGER", nullable: true),
                    recurrence_days = table.Column<string>(type: "TEXT", nullable: true),
                    recurrence_day_of_month = table.Column<int>(type: "INTEGER", nullable: true),
                    recurrence_week = table.Column<int>(type: "INTEGER", nullable: true),
                    recurrence_day = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schedule_overrides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_schedule_overrides_humans_HumanId",
                        column: x => x.HumanId,
                        principalTable: "humans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_schedule_overrides_HumanId_StartDate",
                table: "schedule_overrides",
                columns: new[] { "HumanId", "StartDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "schedule_overrides");
        }
    }
}
