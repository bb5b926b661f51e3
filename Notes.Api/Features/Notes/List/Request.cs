namespace Notes.Api.Features.Notes.List;

internal sealed class Request
{
    public const int MaxPageSize = 100;

    [FromClaim("sub")]
    public string UserId { get; init; } = "";

    /// <summary>Case-insensitive text to find in a title or description, taken literally.</summary>
    public string? Search { get; init; }

    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;

    /// <summary>updatedAt, createdAt or title.</summary>
    public string Sort { get; init; } = "updatedAt";

    /// <summary>desc or asc.</summary>
    public string Order { get; init; } = "desc";

    internal sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Search).MaximumLength(200);
            // The upper bound keeps (page - 1) * pageSize inside an int.
            RuleFor(r => r.Page).InclusiveBetween(1, int.MaxValue / MaxPageSize).WithMessage("Page must be 1 or more.");
            RuleFor(r => r.PageSize).InclusiveBetween(1, MaxPageSize);
            RuleFor(r => r.Sort).Must(Data.SortFields.ContainsKey).WithMessage("Sort must be one of: updatedAt, createdAt, title.");
            RuleFor(r => r.Order).Must(o => o is "asc" or "desc").WithMessage("Order must be asc or desc.");
        }
    }
}
