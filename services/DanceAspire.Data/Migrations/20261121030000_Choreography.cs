using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DanceAspire.Data.Migrations;

/// <summary>Hand-written: songs, the move library and choreographies (a test compares it with the model's schema).</summary>
[DbContext(typeof(DanceDbContext))]
[Migration("20261121030000_Choreography")]
public sealed class Choreography : Migration
{
    private const string Timestamp = "timestamp with time zone";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTimeOffset>("moves_imported_at", "analyses", type: Timestamp, nullable: true);

        migrationBuilder.CreateTable(
            name: "songs",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                state = table.Column<string>(type: "text", nullable: false),
                title = table.Column<string>(type: "text", nullable: false),
                file_name = table.Column<string>(type: "text", nullable: false),
                content_type = table.Column<string>(type: "text", nullable: false),
                size_bytes = table.Column<long>(type: "bigint", nullable: false),
                upload_method = table.Column<string>(type: "text", nullable: false),
                upload_expires_at = table.Column<DateTimeOffset>(type: Timestamp, nullable: true),
                job_id = table.Column<Guid>(type: "uuid", nullable: true),
                duration_seconds = table.Column<double>(type: "double precision", nullable: true),
                audio_codec = table.Column<string>(type: "text", nullable: true),
                sample_rate = table.Column<int>(type: "integer", nullable: true),
                channels = table.Column<int>(type: "integer", nullable: true),
                rejection_code = table.Column<string>(type: "text", nullable: true),
                rejection_reason = table.Column<string>(type: "text", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: Timestamp, nullable: false),
                submitted_at = table.Column<DateTimeOffset>(type: Timestamp, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_songs", x => x.id);
                table.ForeignKey("fk_songs_users_owner_id", x => x.owner_id, "users", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_songs_jobs_job_id", x => x.job_id, "jobs", "id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("ix_songs_owner_id_created_at", "songs", ["owner_id", "created_at"]);
        migrationBuilder.CreateIndex("ix_songs_state_upload_expires_at", "songs", ["state", "upload_expires_at"]);
        migrationBuilder.CreateIndex("ix_songs_job_id", "songs", "job_id");

        migrationBuilder.CreateTable(
            name: "moves",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                analysis_id = table.Column<Guid>(type: "uuid", nullable: false),
                segment_index = table.Column<int>(type: "integer", nullable: false),
                name = table.Column<string>(type: "text", nullable: false),
                clip_path = table.Column<string>(type: "text", nullable: false),
                thumbnail_path = table.Column<string>(type: "text", nullable: false),
                start_seconds = table.Column<double>(type: "double precision", nullable: false),
                duration_seconds = table.Column<double>(type: "double precision", nullable: false),
                movement_type = table.Column<string>(type: "text", nullable: false),
                energy = table.Column<double>(type: "double precision", nullable: false),
                difficulty = table.Column<int>(type: "integer", nullable: false),
                styles = table.Column<List<string>>(type: "text[]", nullable: false),
                embedding = table.Column<float[]>(type: "real[]", nullable: false),
                first_pose = table.Column<float[]>(type: "real[]", nullable: false),
                last_pose = table.Column<float[]>(type: "real[]", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: Timestamp, nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_moves", x => x.id);
                table.ForeignKey("fk_moves_users_owner_id", x => x.owner_id, "users", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_moves_analyses_analysis_id", x => x.analysis_id, "analyses", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_moves_analysis_id_segment_index", "moves", ["analysis_id", "segment_index"], unique: true);
        migrationBuilder.CreateIndex("ix_moves_owner_id_created_at", "moves", ["owner_id", "created_at"]);

        migrationBuilder.CreateTable(
            name: "choreographies",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                source = table.Column<string>(type: "text", nullable: false),
                song_id = table.Column<Guid>(type: "uuid", nullable: true),
                request = table.Column<string>(type: "jsonb", nullable: false),
                blueprint = table.Column<string>(type: "jsonb", nullable: false),
                job_id = table.Column<Guid>(type: "uuid", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_choreographies", x => x.id);
                table.ForeignKey("fk_choreographies_users_owner_id", x => x.owner_id, "users", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_choreographies_songs_song_id", x => x.song_id, "songs", "id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("fk_choreographies_jobs_job_id", x => x.job_id, "jobs", "id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("ix_choreographies_owner_id_created_at", "choreographies", ["owner_id", "created_at"]);
        migrationBuilder.CreateIndex("ix_choreographies_job_id", "choreographies", "job_id");
        migrationBuilder.CreateIndex("ix_choreographies_song_id", "choreographies", "song_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("choreographies");
        migrationBuilder.DropTable("moves");
        migrationBuilder.DropTable("songs");
        migrationBuilder.DropColumn("moves_imported_at", "analyses");
    }
}
