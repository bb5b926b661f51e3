namespace Notes.Api.Features.Tags.Delete;

internal sealed class Endpoint(TagRewriter rewriter) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("{**name}");
        Group<TagsGroup>();
        Description(d => d.ProducesProblems(StatusCodes.Status404NotFound));
        Summary(s =>
        {
            s.Summary = "Remove one of your tags, and every tag nested below it, from your notes";
            s.Description = "Takes the tag and every tag below it (work/clients, below work) off all your notes, the trash included; " +
                "the notes themselves stay. Each note that changes gets a new version, so an update holding the old one answers 412; " +
                "its updatedAt stays.";
            s.Params[nameof(Request.Name)] = TagsGroup.NameParameter;
            s.Responses[StatusCodes.Status204NoContent] = "The tag is on none of your notes any more.";
            s.Responses[StatusCodes.Status404NotFound] = "None of your notes carries the tag or one below it.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var tag = TagRewriter.FromRoute(req.Name);
        var carrying = tag is null ? [] : await rewriter.FindCarryingAsync(req.UserId, tag, ct);
        if (tag is null || carrying.Count == 0)
        {
            await Send.ResultAsync(TagRewriter.NotFound());
            return;
        }

        await rewriter.RewriteAsync(req.UserId, tag, carrying, _ => null, ct);
        await Send.NoContentAsync(ct);
    }
}
