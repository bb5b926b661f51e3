namespace Notes.Api.Features.Notes.List;

internal sealed class Endpoint(Data data) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("");
        Group<NotesGroup>();
        Description(d => d.WithMetadata(new AllowedValues("view", Data.Views), new AllowedValues("sort", Data.SortFields), new AllowedValues("order", Data.SortOrders.Keys)));
        Summary(s =>
        {
            s.Summary = "List your notes, a page at a time, newest change first unless asked otherwise";
            s.Description = "A page of the notes in one view (in use, archived, or in the trash) and the total of all that match. " +
                "Outside the trash pinned notes come first. Search finds text in a title or description whatever its letter case " +
                "or accents, taking every character literally; a tag finds the notes carrying it or a tag nested below it.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var (page, total) = await data.FindPageAsync(req, ct);
        await Send.OkAsync(new Response(page, req.Page, req.PageSize, total), ct);
    }
}
