namespace Notes.Api.Features.Notes.List;

/// <param name="Search">Text to find in a title or description, whatever its letter case or accents, taken literally.</param>
/// <param name="View">active (neither archived nor in the trash), archived, or trash.</param>
/// <param name="Tag">Only the notes carrying this tag or one nested below it: work finds work and work/clients.</param>
/// <param name="Sort">updatedAt, createdAt or title; without it, the trash is sorted by when each note went there.</param>
/// <param name="Order">desc or asc.</param>
internal sealed record Request(
    string? Search = null, string View = "active", string? Tag = null, int Page = 1, int PageSize = Paging.DefaultPageSize, string? Sort = null, string Order = "desc")
    : SignedInRequest
{
    internal sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Search).MaximumLength(200).WithMessage("Search must be at most 200 characters.");
            RuleFor(r => r.View).Must(Data.Views.Contains).WithMessage("View must be one of: active, archived, trash.");
            RuleFor(r => r.Tag)
                .Must(tag => tag is null || Notes.Tag.Flaw(Notes.Tag.Normalize(tag)) is null).WithMessage("Tag is not a valid tag.");
            RuleFor(r => r.Page).MustBeAPage();
            RuleFor(r => r.PageSize).MustBeAPageSize();
            RuleFor(r => r.Sort).Must(sort => sort is null || Data.SortFields.Contains(sort)).WithMessage("Sort must be one of: updatedAt, createdAt, title.");
            RuleFor(r => r.Order).Must(Data.SortOrders.ContainsKey).WithMessage("Order must be asc or desc.");
        }
    }
}
