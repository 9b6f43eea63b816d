using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DanceAspire.Data.Migrations;

/// <summary>Hand-written: uploaded videos and their analysis requests (a test compares it with the model's schema).</summary>
[DbContext(typeof(DanceDbContext))]
[Migration("20261121020000_Analyses")]
public sealed class Analyses : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "analyses",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                state = table.Column<string>(type: "text", nullable: false),
                model = table.Column<string>(type: "text", nullable: false),
                overlay = table.Column<bool>(type: "boolean", nullable: false),
                file_name = table.Column<string>(type: "text", nullable: false),
                content_type = table.Column<string>(type: "text", nullable: false),
                size_bytes = table.Column<long>(type: "bigint", nullable: false),
                upload_method = table.Column<string>(type: "text", nullable: false),
                upload_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                job_id = table.Column<Guid>(type: "uuid", nullable: true),
                duration_seconds = table.Column<double>(type: "double precision", nullable: true),
                width = table.Column<int>(type: "integer", nullable: true),
                height = table.Column<int>(type: "integer", nullable: true),
                frame_rate = table.Column<double>(type: "double precision", nullable: true),
                video_codec = table.Column<string>(type: "text", nullable: true),
                rejection_code = table.Column<string>(type: "text", nullable: true),
                rejection_reason = table.Column<string>(type: "text", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_analyses", x => x.id);
                table.ForeignKey("fk_analyses_users_owner_id", x => x.owner_id, "users", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_analyses_jobs_job_id", x => x.job_id, "jobs", "id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateIndex("ix_analyses_owner_id_created_at", "analyses", ["owner_id", "created_at"]);
        migrationBuilder.CreateIndex("ix_analyses_state_upload_expires_at", "analyses", ["state", "upload_expires_at"]);
        migrationBuilder.CreateIndex("ix_analyses_job_id", "analyses", "job_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("analyses");
}
