using Tag = Notes.Api.Features.Notes.Tag;

namespace Notes.Api.Features.Tags.Rename;

internal sealed class Endpoint(TagRewriter rewriter, Data data) : Endpoint<Request, TagResponse>
{
    public override void Configure()
    {
        Put("{**name}");
        Group<TagsGroup>();
        Description(d => d.ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status415UnsupportedMediaType));
        Summary(s =>
        {
            s.Summary = "Rename one of your tags, and every tag nested below it";
            s.Description = "Renames the tag on all your notes, the trash included, and every tag below it with it: work to job turns " +
                "work/clients into job/clients. A note that already carries the new name keeps it once, where it was first. Each note " +
                "that changes gets a new version, so an update holding the old one answers 412; its updatedAt stays.";
            s.Params[nameof(Request.Name)] = TagsGroup.NameParameter;
            s.Responses[StatusCodes.Status200OK] = "The new name, with how many of your notes outside the trash carry it now.";
            s.Responses[StatusCodes.Status400BadRequest] = "The new name, or a nested tag it would make, is not a valid tag; nothing changed.";
            s.Responses[StatusCodes.Status404NotFound] = "None of your notes carries the tag or one below it.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var (from, to) = (TagRewriter.FromRoute(req.Name), Tag.Normalize(req.Renamed.Name));
        var carrying = from is null ? [] : await rewriter.FindCarryingAsync(req.UserId, from, ct);
        if (from is null || carrying.Count == 0)
        {
            await Send.ResultAsync(TagRewriter.NotFound());
            return;
        }

        string Renamed(string tag) => to + tag[from.Length..];
        // Every name the rename makes is checked before anything is written: a nested tag may grow past the longest a tag may be.
        var refused = carrying.SelectMany(n => n.Tags).Where(t => Tag.IsWithin(t, from)).Select(Renamed).FirstOrDefault(t => Tag.Flaw(t) is not null);
        if (refused is not null)
        {
            var reason = $"Renaming would make \"{refused}\", which {Tag.Flaw(refused)}.";
            await Send.ResultAsync(Problems.Of(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed, reason, [new FieldError("name", reason)]));
            return;
        }

        if (to != from)
        {
            // A note changed after the check above may carry a nested tag the rename cannot make: it keeps that one as it is.
            await rewriter.RewriteAsync(req.UserId, from, carrying, tag => Renamed(tag) is var renamed && Tag.Flaw(renamed) is null ? renamed : tag, ct);
        }
        await Send.OkAsync(new TagResponse(to, await data.CountOutsideTrashAsync(req.UserId, to, ct)), ct);
    }
}
