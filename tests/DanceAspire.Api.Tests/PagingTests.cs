namespace DanceAspire.Api.Tests;

public sealed class PagingTests
{
    [Fact]
    public void No_parameters_mean_the_first_page_of_the_default_size()
    {
        var (paging, errors) = Paging.From(null, null);

        Assert.Empty(errors);
        Assert.Equal(new Paging(1, Paging.DefaultPageSize), paging);
        Assert.Equal(0, paging.Skip);
    }

    [Fact]
    public void Skip_counts_the_rows_of_the_earlier_pages() => Assert.Equal(40, Paging.From(3, 20).Paging.Skip);

    [Theory]
    [InlineData(0, 10, "page")]
    [InlineData(-1, 10, "page")]
    [InlineData(Paging.MaxPageNumber + 1, 10, "page")]
    [InlineData(1, 0, "pageSize")]
    [InlineData(1, Paging.MaxPageSize + 1, "pageSize")]
    public void Out_of_range_values_are_errors_of_their_parameter(int page, int pageSize, string parameter) =>
        Assert.Equal([parameter], Paging.From(page, pageSize).Errors.Keys);

    [Fact]
    public void The_last_allowed_page_of_the_largest_size_does_not_overflow() =>
        Assert.Equal((long)(Paging.MaxPageNumber - 1) * Paging.MaxPageSize, Paging.From(Paging.MaxPageNumber, Paging.MaxPageSize).Paging.Skip);
}
