namespace Notes.Api.Features.Notes;

/// <summary>How every list is cut into pages, for each slice that lists: the sizes, and the rules for a query's page and pageSize.</summary>
internal static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    // The upper bound keeps (page - 1) * pageSize inside an int.
    public static IRuleBuilderOptions<T, int> MustBeAPage<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, int.MaxValue / MaxPageSize).WithMessage("Page must be 1 or more.");

    public static IRuleBuilderOptions<T, int> MustBeAPageSize<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, MaxPageSize).WithMessage($"PageSize must be between 1 and {MaxPageSize}.");
}
