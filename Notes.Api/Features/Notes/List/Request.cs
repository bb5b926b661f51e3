namespace Notes.Api.Features.Notes.List;

/// <param name="Search">Case-insensitive text to find in a title or description, taken literally.</param>
/// <param name="Sort">updatedAt, createdAt or title.</param>
/// <param name="Order">desc or asc.</param>
internal sealed record Request(string? Search = null, int Page = 1, int PageSize = 20, string Sort = "updatedAt", string Order = "desc")
    : SignedInRequest
{
    public const int MaxPageSize = 100;

    internal sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Search).MaximumLength(200).WithMessage("Search must be at most 200 characters.");
            // The upper bound keeps (page - 1) * pageSize inside an int.
            RuleFor(r => r.Page).InclusiveBetween(1, int.MaxValue / MaxPageSize).WithMessage("Page must be 1 or more.");
            RuleFor(r => r.PageSize).InclusiveBetween(1, MaxPageSize).WithMessage($"PageSize must be between 1 and {MaxPageSize}.");
            RuleFor(r => r.Sort).Must(Data.SortFields.Contains).WithMessage("Sort must be one of: updatedAt, createdAt, title.");
            RuleFor(r => r.Order).Must(Data.SortOrders.ContainsKey).WithMessage("Order must be asc or desc.");
        }
    }
}
