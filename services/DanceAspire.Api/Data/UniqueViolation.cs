using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DanceAspire.Api.Data;

internal static class UniqueViolation
{
    /// <summary>Whether saving failed on a unique index: <paramref name="index"/>, or any when null.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception, string? index = null) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres
        && (index is null || postgres.ConstraintName == index);

    /// <summary>Whether saving failed because a referenced row is gone.</summary>
    public static bool IsForeignKeyViolation(this DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation };
}
