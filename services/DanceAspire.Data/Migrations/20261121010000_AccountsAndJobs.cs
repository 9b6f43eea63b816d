using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DanceAspire.Data.Migrations;

/// <summary>Hand-written: users, the coin ledger, jobs and their attempts (a test compares it with the model's schema).</summary>
[DbContext(typeof(DanceDbContext))]
[Migration("20261121010000_AccountsAndJobs")]
public sealed class AccountsAndJobs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                email = table.Column<string>(type: "text", nullable: false),
                password_hash = table.Column<string>(type: "text", nullable: false),
                role = table.Column<string>(type: "text", nullable: false, defaultValue: "user"),
                coin_balance = table.Column<int>(type: "integer", nullable: false),
                banned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_users", x => x.id);
                table.CheckConstraint("ck_users_coin_balance_not_negative", "coin_balance >= 0");
            });

        migrationBuilder.CreateTable(
            name: "coin_transactions",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                user_id = table.Column<Guid>(type: "uuid", nullable: false),
                amount = table.Column<int>(type: "integer", nullable: false),
                kind = table.Column<string>(type: "text", nullable: false),
                job_id = table.Column<Guid>(type: "uuid", nullable: true),
                balance_after = table.Column<int>(type: "integer", nullable: false),
                note = table.Column<string>(type: "text", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_coin_transactions", x => x.id);
                table.ForeignKey("fk_coin_transactions_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "jobs",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                kind = table.Column<string>(type: "text", nullable: false),
                owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                state = table.Column<string>(type: "text", nullable: false),
                priority = table.Column<int>(type: "integer", nullable: false),
                attempt = table.Column<int>(type: "integer", nullable: false),
                max_attempts = table.Column<int>(type: "integer", nullable: false),
                payload = table.Column<string>(type: "jsonb", nullable: false),
                result = table.Column<string>(type: "jsonb", nullable: true),
                error = table.Column<string>(type: "text", nullable: true),
                progress = table.Column<double>(type: "double precision", nullable: false),
                stage = table.Column<string>(type: "text", nullable: true),
                cost = table.Column<int>(type: "integer", nullable: false),
                idempotency_key = table.Column<string>(type: "text", nullable: true),
                cancel_requested = table.Column<bool>(type: "boolean", nullable: false),
                worker_id = table.Column<string>(type: "text", nullable: true),
                lease_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                not_before = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_jobs", x => x.id);
                table.ForeignKey("fk_jobs_users_owner_id", x => x.owner_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "job_attempts",
            columns: table => new
            {
                job_id = table.Column<Guid>(type: "uuid", nullable: false),
                number = table.Column<int>(type: "integer", nullable: false),
                worker_id = table.Column<string>(type: "text", nullable: true),
                queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                outcome = table.Column<string>(type: "text", nullable: true),
                error = table.Column<string>(type: "text", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_job_attempts", x => new { x.job_id, x.number });
                table.ForeignKey("fk_job_attempts_jobs_job_id", x => x.job_id, "jobs", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_users_email", "users", "email", unique: true);
        migrationBuilder.CreateIndex("ix_coin_transactions_user_id_created_at", "coin_transactions", ["user_id", "created_at"]);
        migrationBuilder.CreateIndex("ix_coin_transactions_job_id_kind", "coin_transactions", ["job_id", "kind"], unique: true, filter: "job_id IS NOT NULL");
        migrationBuilder.CreateIndex("ix_jobs_state_kind_priority_created_at", "jobs", ["state", "kind", "priority", "created_at"]);
        migrationBuilder.CreateIndex("ix_jobs_owner_id_created_at", "jobs", ["owner_id", "created_at"]);
        migrationBuilder.CreateIndex("ix_jobs_owner_id_idempotency_key", "jobs", ["owner_id", "idempotency_key"], unique: true, filter: "idempotency_key IS NOT NULL");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("job_attempts");
        migrationBuilder.DropTable("jobs");
        migrationBuilder.DropTable("coin_transactions");
        migrationBuilder.DropTable("users");
    }
}
