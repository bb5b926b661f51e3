namespace Notes.Api.Features.Tags.List;

internal sealed class Endpoint(Data data) : Endpoint<Request, IReadOnlyList<TagResponse>>
{
    public override void Configure()
    {
        Get("");
        Group<TagsGroup>();
        Summary(s =>
        {
            s.Summary = "List your tags, each with how many notes carry it";
            s.Description = "Every tag on your notes outside the trash (archived ones included), ordered by name, with how many notes " +
                "carry exactly that tag. A nested tag (work/clients) is listed and counted by itself.";
            s.Responses[StatusCodes.Status200OK] = "Your tags, ordered by name; empty when no note carries one.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.OkAsync(await data.CountOutsideTrashAsync(req.UserId, ct), ct);
}
