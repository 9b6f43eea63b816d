namespace DanceAspire.Api;

/// <summary>A page of a list, newest first.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

/// <summary>The <c>page</c> and <c>pageSize</c> query parameters, checked so a client cannot ask for a huge or nonsensical page.</summary>
public readonly record struct Paging(int PageNumber, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    // Beyond this an OFFSET scan is a cost no client needs; it also keeps Skip far from overflowing.
    public const int MaxPageNumber = 100_000;

    public int Skip => (PageNumber - 1) * PageSize;

    /// <summary>The paging asked for, or the errors in ValidationProblem's shape.</summary>
    public static (Paging Paging, Dictionary<string, string[]> Errors) From(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1 or > MaxPageNumber)
        {
            errors["page"] = [$"page is between 1 and {MaxPageNumber}."];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize is between 1 and {MaxPageSize}."];
        }
        return (new Paging(page ?? 1, pageSize ?? DefaultPageSize), errors);
    }
}
