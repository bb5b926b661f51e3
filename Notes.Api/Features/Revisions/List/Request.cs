using Notes.Api.Features.Notes;

namespace Notes.Api.Features.Revisions.List;

internal sealed record Request(int Page = 1, int PageSize = Paging.DefaultPageSize) : SignedInRequest
{
    [DontBind(Source.QueryParam)] // the route's id alone: a query's id= would take its place (and is not checked)
    public string Id { get; init; } = "";

    internal sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Page).MustBeAPage();
            RuleFor(r => r.PageSize).MustBeAPageSize();
        }
    }
}
